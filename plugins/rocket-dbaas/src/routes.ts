import { createRouteRef } from '@backstage/core-plugin-api';

/** Rocket's pages: /rocket-dbaas and everything under it. */
export const rootRouteRef = createRouteRef({ id: 'rocket-dbaas' });
