import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createApplicationAction } from './actions/createApplicationAction';
import { createClusterAction } from './actions/createClusterAction';
import { submitIntakeAction } from './actions/submitIntakeAction';
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
        const portalUrl = config.getString('app.baseUrl');
        scaffolder.addActions(
          createClusterAction(rocket, portalUrl),
          createApplicationAction(rocket),
          submitIntakeAction(rocket, portalUrl),
        );
      },
    });
  },
});
