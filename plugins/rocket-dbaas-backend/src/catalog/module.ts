import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { RocketChangeSignal } from '@internal/plugin-rocket-dbaas-common';
import { ROCKET_CHANGES_TOPIC } from '../services/ChangeNotifier';
import { RocketEntityProvider } from './RocketEntityProvider';

/**
 * The catalog module of Rocket DBaaS: clusters as Resources, applications as
 * Systems, contacts as Users. A full sync runs on a schedule; Rocket's change
 * events (rocket-dbaas.changed) are applied as they come. @public
 */
export const catalogModuleRocketDbaas = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'rocket-dbaas',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        config: coreServices.rootConfig,
        events: eventsServiceRef,
      },
      async init({ catalog, discovery, auth, logger, scheduler, config, events }) {
        const provider = new RocketEntityProvider({
          discovery,
          auth,
          logger,
          portalUrl: config.getString('app.baseUrl'),
          schedule: scheduler.createScheduledTaskRunner({
            frequency: { seconds: config.getOptionalNumber('rocketDbaas.catalog.syncSeconds') ?? 60 },
            timeout: { minutes: 5 },
            initialDelay: { seconds: 5 },
          }),
        });
        catalog.addEntityProvider(provider);
        await events.subscribe({
          id: 'catalog-rocket-dbaas',
          topics: [ROCKET_CHANGES_TOPIC],
          onEvent: async ({ eventPayload }) => {
            try {
              await provider.applyChange(eventPayload as RocketChangeSignal);
            } catch (error) {
              // the next full sync puts it right
              logger.warn(`Could not apply a Rocket change to the catalog: ${error}`);
            }
          },
        });
      },
    });
  },
});
