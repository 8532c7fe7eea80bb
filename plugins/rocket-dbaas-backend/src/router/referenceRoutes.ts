import { rocketInventoryReadPermission, rocketPoolManagePermission } from '@internal/plugin-rocket-dbaas-common';
import Router from 'express-promise-router';
import { ReferenceService } from '../services/ReferenceService';
import { RouteGuard } from './RouteGuard';
import { datacenterBody, portListQuery } from './schemas';
import { parse } from './validation';

export function referenceRoutes(guard: RouteGuard, reference: ReferenceService) {
  const router = Router();

  router.get('/environments', async (req, res) => {
    await guard.read(req, rocketInventoryReadPermission);
    res.json({ items: await reference.environments() });
  });

  router.get('/datacenters', async (req, res) => {
    await guard.read(req, rocketInventoryReadPermission);
    res.json({ items: await reference.datacenters() });
  });

  router.put('/datacenters', async (req, res) => {
    const items = await guard.mutate(req, rocketPoolManagePermission, 'datacenter-save', { code: req.body?.code ?? null }, () =>
      reference.saveDatacenter(parse(datacenterBody, req.body, 'body')),
    );
    res.json({ items });
  });

  router.get('/ports', async (req, res) => {
    await guard.read(req, rocketInventoryReadPermission);
    res.json(await reference.ports(parse(portListQuery, req.query, 'query')));
  });

  return router;
}
