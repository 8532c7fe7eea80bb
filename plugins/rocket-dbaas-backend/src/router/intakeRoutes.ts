import {
  rocketInventoryReadPermission,
  rocketIntakeReviewPermission,
  rocketIntakeSubmitPermission,
} from '@internal/plugin-rocket-dbaas-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { IntakeService } from '../services/IntakeService';
import { RouteGuard } from './RouteGuard';
import { intakeApproveBody, intakeListQuery, intakeRejectBody, intakeSubmitBody } from './intakeSchemas';
import { idempotencyKeyHeader, pathId } from './schemas';
import { parse } from './validation';

const intakePath = z.object({ id: pathId }).strict();

export function intakeRoutes(guard: RouteGuard, intake: IntakeService) {
  const router = Router();

  router.get('/intake', async (req, res) => {
    await guard.read(req, rocketInventoryReadPermission);
    res.json(await intake.list(parse(intakeListQuery, req.query, 'query')));
  });

  router.post('/intake', async (req, res) => {
    const request = await guard.mutate(
      req,
      rocketIntakeSubmitPermission,
      'intake-submit',
      { application: req.body?.application ?? null },
      actor =>
        intake.submit(
          parse(intakeSubmitBody, req.body, 'body'),
          actor,
          parse(idempotencyKeyHeader, req.headers, 'header')['idempotency-key'],
        ),
    );
    res.status(201).json(request);
  });

  router.get('/intake/:id', async (req, res) => {
    await guard.read(req, rocketInventoryReadPermission);
    res.json(await intake.get(parse(intakePath, req.params, 'path').id));
  });

  router.post('/intake/:id/approve', async (req, res) => {
    const request = await guard.mutate(req, rocketIntakeReviewPermission, 'intake-approve', { id: req.params.id }, actor => {
      const { id } = parse(intakePath, req.params, 'path');
      return intake.decide(id, 'approved', parse(intakeApproveBody, req.body, 'body'), actor);
    });
    res.json(request);
  });

  router.post('/intake/:id/reject', async (req, res) => {
    const request = await guard.mutate(req, rocketIntakeReviewPermission, 'intake-reject', { id: req.params.id }, actor => {
      const { id } = parse(intakePath, req.params, 'path');
      return intake.decide(id, 'rejected', parse(intakeRejectBody, req.body, 'body'), actor);
    });
    res.json(request);
  });

  return router;
}
