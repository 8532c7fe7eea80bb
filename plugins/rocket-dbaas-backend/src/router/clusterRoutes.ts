import {
  rocketClusterCreatePermission,
  rocketClusterDecommissionPermission,
  rocketClusterUpdatePermission,
  rocketInventoryReadPermission,
} from '@internal/plugin-rocket-dbaas-common';
import Router from 'express-promise-router';
import { ClusterService } from '../services/ClusterService';
import { ProvisioningService } from '../services/ProvisioningService';
import { RouteGuard } from './RouteGuard';
import {
  activityListQuery,
  clusterCreateBody,
  clusterListQuery,
  clusterUpdateBody,
  decommissionBody,
  idempotencyKeyHeader,
  pathDbmsType,
  pathName,
  provisionBody,
} from './schemas';
import { parse } from './validation';

export function clusterRoutes(guard: RouteGuard, clusters: ClusterService, provisioning: ProvisioningService) {
  const router = Router();

  router.get('/overview', async (req, res) => {
    await guard.read(req, rocketInventoryReadPermission);
    res.json(await clusters.summary());
  });

  router.get('/clusters', async (req, res) => {
    await guard.read(req, rocketInventoryReadPermission);
    res.json(await clusters.list(parse(clusterListQuery, req.query, 'query')));
  });

  router.post('/clusters', async (req, res) => {
    const cluster = await guard.mutate(req, rocketClusterCreatePermission, 'cluster-create', { name: req.body?.name ?? null }, actor =>
      clusters.create(
        parse(clusterCreateBody, req.body, 'body'),
        actor,
        parse(idempotencyKeyHeader, req.headers, 'header')['idempotency-key'],
      ),
    );
    res.status(201).json(cluster);
  });

  router.get('/clusters/:name', async (req, res) => {
    await guard.read(req, rocketInventoryReadPermission);
    res.json(await clusters.get(parse(pathName, req.params, 'path').name));
  });

  router.patch('/clusters/:name', async (req, res) => {
    const cluster = await guard.mutate(req, rocketClusterUpdatePermission, 'cluster-update', { name: req.params.name }, actor => {
      const { name } = parse(pathName, req.params, 'path');
      return clusters.update(name, parse(clusterUpdateBody, req.body, 'body'), actor);
    });
    res.json(cluster);
  });

  router.post('/clusters/:name/decommission', async (req, res) => {
    const cluster = await guard.mutate(
      req,
      rocketClusterDecommissionPermission,
      'cluster-decommission',
      { name: req.params.name },
      actor => {
        const { name } = parse(pathName, req.params, 'path');
        return clusters.decommission(name, parse(decommissionBody, req.body ?? {}, 'body'), actor);
      },
    );
    res.json(cluster);
  });

  router.post('/clusters/:name/provision', async (req, res) => {
    const cluster = await guard.mutate(req, rocketClusterUpdatePermission, 'cluster-provision', { name: req.params.name }, actor => {
      const { name } = parse(pathName, req.params, 'path');
      return provisioning.provision(name, parse(provisionBody, req.body ?? {}, 'body'), actor);
    });
    res.status(202).json(cluster);
  });

  router.get('/clusters/:name/activities', async (req, res) => {
    await guard.read(req, rocketInventoryReadPermission);
    const { name } = parse(pathName, req.params, 'path');
    res.json(await clusters.activities(name, parse(activityListQuery, req.query, 'query')));
  });

  router.get('/clusters/:name/operations', async (req, res) => {
    await guard.read(req, rocketInventoryReadPermission);
    res.json({ items: await clusters.operations(parse(pathName, req.params, 'path').name) });
  });

  router.get('/:dbmsType/activities', async (req, res) => {
    await guard.read(req, rocketInventoryReadPermission);
    const { dbmsType } = parse(pathDbmsType, req.params, 'path');
    res.json(await clusters.activitiesOf(dbmsType, parse(activityListQuery, req.query, 'query')));
  });

  return router;
}
