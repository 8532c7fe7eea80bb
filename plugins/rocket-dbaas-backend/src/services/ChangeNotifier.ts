import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import { ROCKET_SIGNAL_CHANNEL, RocketChangeSignal } from '@internal/plugin-rocket-dbaas-common';

/** The events topic on which Rocket announces changes to other backend plugins (the catalog module). */
export const ROCKET_CHANGES_TOPIC = 'rocket-dbaas.changed';

/** Tells open portal pages and other plugins that Rocket's data changed. */
export interface ChangeNotifier {
  changed(signal: RocketChangeSignal): Promise<void>;
}

/**
 * Publishes a small "changed" message on the rocket-dbaas signal channel (for
 * browsers) and on the rocket-dbaas.changed events topic (for the catalog).
 * Both carry names only: readers fetch the data through the checked API.
 */
export class BroadcastChangeNotifier implements ChangeNotifier {
  constructor(
    private readonly signals: SignalsService,
    private readonly events: EventsService,
    private readonly logger: LoggerService,
  ) {}

  async changed(signal: RocketChangeSignal): Promise<void> {
    const results = await Promise.allSettled([
      this.signals.publish({ recipients: { type: 'broadcast' }, channel: ROCKET_SIGNAL_CHANNEL, message: signal }),
      this.events.publish({ topic: ROCKET_CHANGES_TOPIC, eventPayload: signal }),
    ]);
    for (const result of results) {
      // a lost message only delays a refresh: pages poll and the catalog syncs in full on a schedule
      if (result.status === 'rejected') this.logger.warn(`Could not announce a change: ${result.reason}`);
    }
  }
}
