import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { EnvironmentName, rocketDbaasPermissions } from '@internal/plugin-rocket-dbaas-common';
import { DatabaseRocketStore } from './database/DatabaseRocketStore';
import { seedDemoData } from './demo/seedDemoData';
import { createRouter } from './router/createRouter';
import { SignalChangeNotifier } from './services/ChangeNotifier';
import { LabRegistrar } from './lab/LabRegistrar';
import { createRocketServices } from './services/RocketServices';
import { sshExecutorFromConfig } from './ssh/sshExecutorFromConfig';

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
        scheduler: coreServices.scheduler,
        signals: signalsServiceRef,
      },
      async init(deps) {
        const { config, logger, database, httpRouter, httpAuth, permissions, permissionsRegistry, auditor, scheduler, signals } = deps;
        permissionsRegistry.addPermissions(rocketDbaasPermissions);
        const store = await DatabaseRocketStore.create(database);
        await store.ports.ensureRange(
          config.getOptionalNumber('rocketDbaas.ports.first') ?? 6000,
          config.getOptionalNumber('rocketDbaas.ports.last') ?? 6999,
        );
        if (config.getOptionalBoolean('rocketDbaas.demoData')) {
          await seedDemoData(store, logger);
        }
        const notifier = new SignalChangeNotifier(signals, logger);
        const services = createRocketServices({ store, notifier, auditor, ssh: sshExecutorFromConfig(config) });
        httpRouter.use(await createRouter({ httpAuth, permissions, auditor, services }));

        const labInventory = config.getOptionalString('rocketDbaas.lab.inventoryPath');
        if (labInventory) {
          const environment = (config.getOptionalString('rocketDbaas.lab.environment') ?? 'Dev') as EnvironmentName;
          const lab = new LabRegistrar(store, notifier, logger, labInventory, environment);
          await scheduler.scheduleTask({
            id: 'rocket-lab-registration',
            frequency: { seconds: 30 },
            timeout: { seconds: 30 },
            fn: async () => {
              await lab.register();
            },
          });
        }
      },
    });
  },
});
