import path from 'node:path';
import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { EnvironmentName, rocketDbaasPermissions } from '@internal/plugin-rocket-dbaas-common';
import { DatabaseRocketStore } from './database/DatabaseRocketStore';
import { seedDemoData } from './demo/seedDemoData';
import { createRouter } from './router/createRouter';
import { BroadcastChangeNotifier } from './services/ChangeNotifier';
import { LabRegistrar } from './lab/LabRegistrar';
import { createRocketServices } from './services/RocketServices';
import { sshExecutorFromConfig, sshPrivateKeyFromConfig } from './ssh/sshExecutorFromConfig';
import { AnsibleRunner } from './ansible/AnsibleRunner';
import { OperationWorker } from './operations/OperationWorker';
import { PROVISION_CLUSTER, ProvisionClusterHandler } from './provisioning/ProvisionClusterHandler';
import { secretFromConfig } from './provisioning/secretFromConfig';

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
        lifecycle: coreServices.lifecycle,
        signals: signalsServiceRef,
        events: eventsServiceRef,
      },
      async init(deps) {
        const { config, logger, database, httpRouter, httpAuth, permissions, permissionsRegistry, auditor, scheduler, lifecycle, signals, events } = deps;
        permissionsRegistry.addPermissions(rocketDbaasPermissions);
        const store = await DatabaseRocketStore.create(database);
        await store.ports.ensureRange(
          config.getOptionalNumber('rocketDbaas.ports.first') ?? 6000,
          config.getOptionalNumber('rocketDbaas.ports.last') ?? 6999,
        );
        if (config.getOptionalBoolean('rocketDbaas.demoData')) {
          await seedDemoData(store, logger);
        }
        const notifier = new BroadcastChangeNotifier(signals, events, logger);
        const services = createRocketServices({ store, notifier, auditor, ssh: sshExecutorFromConfig(config) });
        httpRouter.use(await createRouter({ httpAuth, permissions, auditor, services }));

        const ansibleDir = config.getOptionalString('rocketDbaas.provisioning.ansibleDir');
        if (ansibleDir) {
          const ansible = new AnsibleRunner(path.resolve(ansibleDir), sshPrivateKeyFromConfig(config));
          const abandoned = await AnsibleRunner.removeAbandonedRunFolders();
          if (abandoned.length) logger.warn(`Removed ${abandoned.length} run folder(s) a stopped backend left behind: ${abandoned.join(', ')}`);
          const passwordSeed = secretFromConfig(config, 'rocketDbaas.provisioning.passwordSeed');
          const worker = new OperationWorker(
            store,
            { [PROVISION_CLUSTER]: new ProvisionClusterHandler(store, notifier, ansible, services.access, passwordSeed) },
            logger,
            { leaseMs: 15_000, onProgress: op => notifier.changed({ kind: 'cluster', key: op.target, cluster: op.target }) },
          );
          // a backend that stops hands its operations back instead of leaving them to its lease
          lifecycle.addShutdownHook(() => worker.stop());
          // local scope: every replica works, the compare-and-set claim keeps them apart
          await scheduler.scheduleTask({
            id: 'rocket-operations',
            scope: 'local',
            frequency: { seconds: 3 },
            timeout: { seconds: 30 },
            fn: async () => {
              await worker.tick();
            },
          });
        }

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
