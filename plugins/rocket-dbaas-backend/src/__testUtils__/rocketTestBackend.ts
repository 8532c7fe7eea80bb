import { createServiceFactory } from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend, TestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { SignalPayload, signalsServiceRef } from '@backstage/plugin-signals-node';
import { Knex } from 'knex';
import { rocketDbaasPlugin } from '../plugin';

/** Records the signals Rocket publishes instead of sending them to browsers. */
export class RecordingSignals {
  readonly published: SignalPayload[] = [];
  async publish(signal: SignalPayload) {
    this.published.push(signal);
  }
}

export type RocketTestBackendOptions = {
  knex?: Knex;
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  demoData?: boolean;
  /** More of Rocket's config, e.g. rocketDbaas.ssh. */
  rocketConfig?: Record<string, unknown>;
  /** Backstage's real scheduler, whose tasks keep running (the mock runs each once at start). */
  realScheduler?: boolean;
  /** More plugins and modules for the same backend, e.g. the catalog. */
  features?: Parameters<typeof startTestBackend>[0]['features'];
  /** More config beside rocketDbaas, e.g. app.baseUrl. */
  config?: Record<string, unknown>;
  /** An auditor to read the audit events from (mockServices.auditor.mock()); the real one logs them. */
  auditor?: ReturnType<typeof mockServices.auditor.mock>;
};

/** Starts a real backend with Rocket's plugin, on the given database or an in-memory SQLite. */
export type RocketTestBackend = { server: TestBackend['server']; backend: TestBackend; signals: RecordingSignals };

export async function startRocketTestBackend(options: RocketTestBackendOptions = {}): Promise<RocketTestBackend> {
  const signals = new RecordingSignals();
  const backend = await startTestBackend({
    features: [
      rocketDbaasPlugin,
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
          rocketDbaas: { demoData: options.demoData ?? true, ports: { first: 6000, last: 6099 }, ...options.rocketConfig },
        },
      }),
      mockServices.permissions.factory({ result: options.permission ?? AuthorizeResult.ALLOW }),
      createServiceFactory({ service: signalsServiceRef, deps: {}, factory: () => signals }),
      ...(options.knex ? [mockServices.database.factory({ knex: options.knex })] : []),
      ...(options.realScheduler ? [schedulerServiceFactory] : []),
      ...(options.auditor ? [options.auditor.factory] : []),
      ...(options.features ?? []),
    ],
  });
  return { server: backend.server, backend, signals };
}
