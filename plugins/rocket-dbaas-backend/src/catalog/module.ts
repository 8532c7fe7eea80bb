import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { RocketEntityProvider } from './RocketEntityProvider';

/**
 * The catalog module of Rocket DBaaS: clusters as Resources, applications as
 * Systems, contacts as Users. A full sync runs on a schedule. @public
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
      },
      async init({ catalog, discovery, auth, logger, scheduler, config }) {
        const provider = new RocketEntityProvider({ discovery, auth, logger, portalUrl: config.getString('app.baseUrl') });
        catalog.addEntityProvider(provider);
        await scheduler.scheduleTask({
          id: 'rocket-dbaas-catalog-sync',
          frequency: { seconds: config.getOptionalNumber('rocketDbaas.catalog.syncSeconds') ?? 60 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 5 },
          fn: async () => {
            await provider.refresh();
          },
        });
      },
    });
  },
});
