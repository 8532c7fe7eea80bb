import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createClusterAction } from './actions/createClusterAction';
import { RocketApiClient } from './RocketApiClient';

/** Rocket's scaffolder actions (rocket:*). @public */
export const rocketScaffolderActionsModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'rocket-dbaas',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, discovery, auth, config }) {
        const rocket = new RocketApiClient(discovery, auth);
        scaffolder.addActions(createClusterAction(rocket, config.getString('app.baseUrl')));
      },
    });
  },
});
