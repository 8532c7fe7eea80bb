import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { rocketDbaasPermissions } from '@internal/plugin-rocket-dbaas-common';
import { DatabaseRocketStore } from './database/DatabaseRocketStore';
import { seedDemoData } from './demo/seedDemoData';
import { createRouter } from './router/createRouter';
import { SignalChangeNotifier } from './services/ChangeNotifier';
import { createRocketServices } from './services/RocketServices';

/**
 * Rocket DBaaS backend plugin: owns Rocket's schema and serves its REST API
 * under /api/rocket-dbaas.
 *
 * @public
 */
export const rocketDbaasPlugin = createBackendPlugin({
  pluginId: 'rocket-dbaas',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        signals: signalsServiceRef,
      },
      async init({ config, logger, database, httpRouter, httpAuth, permissions, permissionsRegistry, auditor, signals }) {
        permissionsRegistry.addPermissions(rocketDbaasPermissions);
        const store = await DatabaseRocketStore.create(database);
        await store.ports.ensureRange(
          config.getOptionalNumber('rocketDbaas.ports.first') ?? 6000,
          config.getOptionalNumber('rocketDbaas.ports.last') ?? 6999,
        );
        if (config.getOptionalBoolean('rocketDbaas.demoData')) {
          await seedDemoData(store, logger);
        }
        const services = createRocketServices(store, new SignalChangeNotifier(signals, logger));
        httpRouter.use(await createRouter({ httpAuth, permissions, auditor, services }));
      },
    });
  },
});
