import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  AVAILABILITY_TIERS,
  CONTACT_ROLES,
  DATA_SENSITIVITIES,
  DBMS_TYPES,
  ENVIRONMENTS,
  IntakeRequest,
  WEEKDAYS,
  WORKLOADS,
} from '@internal/plugin-rocket-dbaas-common';
import { RocketApiClient } from '../RocketApiClient';

/**
 * rocket:intake:submit files a request for a new database with Rocket, on
 * behalf of the user; DBAs approve or reject it on Rocket's Intake page. The
 * call is a checkpoint: a retried task files one request.
 */
export function submitIntakeAction(rocket: RocketApiClient, portalUrl: string) {
  return createTemplateAction({
    id: 'rocket:intake:submit',
    description: 'Requests a new database from the DBA team (Rocket DBaaS intake)',
    supportsDryRun: true,
    schema: {
      input: {
        application: z => z.string().min(2).max(100).describe('Application the database is for'),
        owner: z => z.string().regex(/^group:([a-z0-9._-]+\/)?[A-Za-z0-9._-]+$/, 'must be a group, like group:default/payments'),
        contacts: z =>
          z
            .array(z.object({ name: z.string().min(1).max(200), email: z.string().email(), role: z.enum(CONTACT_ROLES) }))
            .min(1)
            .max(20),
        environments: z => z.array(z.enum(ENVIRONMENTS)).min(1),
        dbmsType: z => z.enum(DBMS_TYPES).default('postgresql'),
        expectedSizeGb: z => z.number().int().min(1).max(1_000_000),
        growthGbPerMonth: z => z.number().int().min(0).max(1_000_000),
        workload: z => z.enum(WORKLOADS),
        availability: z => z.enum(AVAILABILITY_TIERS),
        rpoMinutes: z => z.number().int().min(0),
        rtoMinutes: z => z.number().int().min(0),
        dataSensitivity: z => z.enum(DATA_SENSITIVITIES),
        maintenanceWeekday: z => z.enum(WEEKDAYS).default('sun'),
        maintenanceStart: z => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM').default('02:00'),
        costCentre: z => z.string().min(1).max(64),
        goLiveDate: z => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD'),
        notes: z => z.string().max(4000).optional(),
      },
      output: {
        requestId: z => z.number(),
        requestUrl: z => z.string(),
      },
    },
    async handler(ctx) {
      const { maintenanceWeekday, maintenanceStart, notes, ...rest } = ctx.input;
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would request a ${rest.dbmsType ?? 'postgresql'} database for ${rest.application}`);
        ctx.output('requestId', 0);
        ctx.output('requestUrl', `${portalUrl}/rocket-dbaas/intake`);
        return;
      }
      const credentials = await ctx.getInitiatorCredentials();
      const id = await ctx.checkpoint({
        key: `rocket-intake-submit-${ctx.task.id}`,
        fn: async () => {
          const request = await rocket.request<IntakeRequest>(credentials, 'POST', '/intake', {
            ...rest,
            dbmsType: rest.dbmsType ?? 'postgresql',
            maintenanceWindow: { weekday: maintenanceWeekday ?? 'sun', start: maintenanceStart ?? '02:00' },
            notes: notes || null,
          }, { 'Idempotency-Key': `scaffolder-${ctx.task.id}-intake-submit` });
          ctx.logger.info(`Filed intake request ${request.id} for ${request.application}; the DBA team will review it`);
          return request.id;
        },
      });
      ctx.output('requestId', id);
      ctx.output('requestUrl', `${portalUrl}/rocket-dbaas/intake/${id}`);
    },
  });
}
