import {
  createApiFactory,
  createPlugin,
  createComponentExtension,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { rocketDbaasApiRef } from './api/RocketDbaasApi';
import { RocketDbaasClient } from './api/RocketDbaasClient';
import { createFromTemplateRouteRef, rootRouteRef } from './routes';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { PoolServerPicker, PoolServerPickerOptions } from './components/PoolServerPicker/PoolServerPicker';

/** @public */
export const rocketDbaasPlugin = createPlugin({
  id: 'rocket-dbaas',
  apis: [
    createApiFactory({
      api: rocketDbaasApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new RocketDbaasClient(deps),
    }),
  ],
  routes: { root: rootRouteRef },
  externalRoutes: { createFromTemplate: createFromTemplateRouteRef },
});

/** Rocket's pages: overview, clusters, pool servers, applications. @public */
export const RocketDbaasPage = rocketDbaasPlugin.provide(
  createRoutableExtension({
    name: 'RocketDbaasPage',
    component: () => import('./components/RocketDbaasRouter').then(m => m.RocketDbaasRouter),
    mountPoint: rootRouteRef,
  }),
);

/** The scaffolder field that picks a new cluster's pool servers (ui:field: RocketPoolServerPicker). @public */
export const RocketPoolServerPickerFieldExtension = rocketDbaasPlugin.provide(
  createScaffolderFieldExtension<string[], PoolServerPickerOptions>({
    name: 'RocketPoolServerPicker',
    component: PoolServerPicker,
    validation: (value, validation) => {
      if (!value?.length) validation.addError('pick at least one pool server');
    },
  }),
);

/** The Rocket tab of a cluster's catalog page. @public */
export const EntityRocketClusterContent = rocketDbaasPlugin.provide(
  createComponentExtension({
    name: 'EntityRocketClusterContent',
    component: { lazy: () => import('./components/EntityTabs/EntityTabs').then(m => m.EntityRocketClusterContent) },
  }),
);

/** The Databases tab of an application's catalog page. @public */
export const EntityRocketDatabasesContent = rocketDbaasPlugin.provide(
  createComponentExtension({
    name: 'EntityRocketDatabasesContent',
    component: { lazy: () => import('./components/EntityTabs/EntityTabs').then(m => m.EntityRocketDatabasesContent) },
  }),
);

/** The contacts card of an application's catalog page. @public */
export const EntityRocketContactsCard = rocketDbaasPlugin.provide(
  createComponentExtension({
    name: 'EntityRocketContactsCard',
    component: { lazy: () => import('./components/EntityTabs/EntityTabs').then(m => m.EntityRocketContactsCard) },
  }),
);
