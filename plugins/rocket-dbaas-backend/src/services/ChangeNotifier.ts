import { LoggerService } from '@backstage/backend-plugin-api';
import { SignalsService } from '@backstage/plugin-signals-node';
import { ROCKET_SIGNAL_CHANNEL, RocketChangeSignal } from '@internal/plugin-rocket-dbaas-common';

/** Tells open portal pages that Rocket's data changed. */
export interface ChangeNotifier {
  changed(signal: RocketChangeSignal): Promise<void>;
}

/** Publishes a small "changed" message on the rocket-dbaas signal channel. */
export class SignalChangeNotifier implements ChangeNotifier {
  constructor(
    private readonly signals: SignalsService,
    private readonly logger: LoggerService,
  ) {}

  async changed(signal: RocketChangeSignal): Promise<void> {
    try {
      // Everyone may read the overview; the client refetches through the checked API.
      await this.signals.publish({ recipients: { type: 'broadcast' }, channel: ROCKET_SIGNAL_CHANNEL, message: signal });
    } catch (error) {
      // A lost signal only delays a refresh: clients poll as a fallback.
      this.logger.warn(`Could not publish a change signal: ${error}`);
    }
  }
}
