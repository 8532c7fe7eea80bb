import { createExternalRouteRef, createRouteRef } from '@backstage/core-plugin-api';

/** Rocket's pages: /rocket-dbaas and everything under it. */
export const rootRouteRef = createRouteRef({ id: 'rocket-dbaas' });

/** A scaffolder template's page, bound by the app to the scaffolder's selectedTemplate route. */
export const createFromTemplateRouteRef = createExternalRouteRef({
  id: 'rocket-dbaas-create-from-template',
  params: ['namespace', 'templateName'],
  optional: true,
});
