import {
  rocketInventoryReadPermission,
  rocketPoolClaimPermission,
  rocketPoolManagePermission,
  rocketServerEnrolPermission,
  rocketServerUpdatePermission,
} from '@internal/plugin-rocket-dbaas-common';
import Router from 'express-promise-router';
import { PoolService } from '../services/PoolService';
import { ServerAccessService } from '../services/ServerAccessService';
import { ServerService } from '../services/ServerService';
import { RouteGuard } from './RouteGuard';
import {
  activityListQuery,
  emptyBody,
  enrolBody,
  pathHostname,
  poolClaimBody,
  poolListQuery,
  poolRegisterBody,
  serverListQuery,
  serverUpdateBody,
} from './schemas';
import { parse } from './validation';

export function serverRoutes(guard: RouteGuard, servers: ServerService, pool: PoolService, access: ServerAccessService) {
  const router = Router();

  router.get('/servers', async (req, res) => {
    await guard.read(req, rocketInventoryReadPermission);
    res.json(await servers.list(parse(serverListQuery, req.query, 'query')));
  });

  router.get('/servers/:hostname', async (req, res) => {
    await guard.read(req, rocketInventoryReadPermission);
    res.json(await servers.get(parse(pathHostname, req.params, 'path').hostname));
  });

  router.patch('/servers/:hostname', async (req, res) => {
    const server = await guard.mutate(req, rocketServerUpdatePermission, 'server-update', { hostname: req.params.hostname }, actor => {
      const { hostname } = parse(pathHostname, req.params, 'path');
      return servers.update(hostname, parse(serverUpdateBody, req.body, 'body'), actor);
    });
    res.json(server);
  });

  router.get('/servers/:hostname/activities', async (req, res) => {
    await guard.read(req, rocketInventoryReadPermission);
    const { hostname } = parse(pathHostname, req.params, 'path');
    res.json(await servers.activities(hostname, parse(activityListQuery, req.query, 'query')));
  });

  router.post('/servers/:hostname/enrol', async (req, res) => {
    const server = await guard.mutate(req, rocketServerEnrolPermission, 'server-enrol', { hostname: req.params.hostname }, actor => {
      const { hostname } = parse(pathHostname, req.params, 'path');
      return access.enrol(hostname, parse(enrolBody, req.body ?? {}, 'body'), actor);
    });
    res.json(server);
  });

  router.post('/servers/:hostname/check', async (req, res) => {
    const check = await guard.mutate(req, rocketServerUpdatePermission, 'server-check', { hostname: req.params.hostname }, actor => {
      const { hostname } = parse(pathHostname, req.params, 'path');
      parse(emptyBody, req.body ?? {}, 'body');
      return access.check(hostname, actor);
    });
    res.json(check);
  });

  router.get('/pool-servers', async (req, res) => {
    await guard.read(req, rocketInventoryReadPermission);
    res.json(await pool.list(parse(poolListQuery, req.query, 'query')));
  });

  router.post('/pool-servers', async (req, res) => {
    const registered = await guard.mutate(req, rocketPoolManagePermission, 'pool-register', {}, actor =>
      pool.register(parse(poolRegisterBody, req.body, 'body').servers, actor),
    );
    res.status(201).json({ items: registered });
  });

  router.post('/pool-servers/claim', async (req, res) => {
    const claimed = await guard.mutate(req, rocketPoolClaimPermission, 'pool-claim', {}, actor =>
      pool.claim(parse(poolClaimBody, req.body, 'body'), actor),
    );
    res.json({ items: claimed });
  });

  router.post('/pool-servers/:hostname/release', async (req, res) => {
    const server = await guard.mutate(req, rocketPoolManagePermission, 'pool-release', { hostname: req.params.hostname }, actor =>
      pool.release(parse(pathHostname, req.params, 'path').hostname, actor),
    );
    res.json(server);
  });

  return router;
}
