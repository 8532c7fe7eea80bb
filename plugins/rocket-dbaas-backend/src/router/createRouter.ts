import { AuditorService, HttpAuthService, PermissionsService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import express, { ErrorRequestHandler } from 'express';
import Router from 'express-promise-router';
import { RocketServices } from '../services/RocketServices';
import { RouteGuard } from './RouteGuard';
import { clusterRoutes } from './clusterRoutes';
import { directoryRoutes } from './directoryRoutes';
import { intakeRoutes } from './intakeRoutes';
import { noteRoutes } from './noteRoutes';
import { referenceRoutes } from './referenceRoutes';
import { serverRoutes } from './serverRoutes';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  services: RocketServices;
};

// body-parser's own errors carry a status but would read "Unexpected token..."
const jsonBodyErrors: ErrorRequestHandler = (error, _req, _res, next) => {
  if (error?.type === 'entity.parse.failed') next(new InputError('Invalid request body: body: is not valid JSON'));
  else if (error?.type === 'entity.too.large') next(new InputError('Invalid request body: body: is larger than 1 MB'));
  else next(error);
};

/** Rocket's REST API. The routes only parse, check and delegate to services. */
export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const { services } = options;
  const guard = new RouteGuard(options.httpAuth, options.permissions, options.auditor);
  const router = Router();
  router.use(express.json({ limit: '1mb' }));
  router.use(jsonBodyErrors);
  router.use(referenceRoutes(guard, services.reference));
  router.use(serverRoutes(guard, services.servers, services.pool, services.access));
  router.use(directoryRoutes(guard, services.directory));
  router.use(noteRoutes(guard, services.notes));
  router.use(intakeRoutes(guard, services.intake));
  // last: it holds the catch-all GET /:dbmsType/activities
  router.use(clusterRoutes(guard, services.clusters, services.provisioning));
  return router;
}
