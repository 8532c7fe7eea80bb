import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { DBMS_TYPES, ENVIRONMENTS, WEEKDAYS } from '@internal/plugin-rocket-dbaas-common';
import { RocketApiClient } from '../RocketApiClient';

/**
 * rocket:cluster:create claims the chosen pool servers, allocates the ports,
 * creates the cluster and queues its provisioning, in one call to Rocket. The
 * call is a checkpoint and carries the task's idempotency key: a retried task
 * does not create the cluster twice, even when it died before the checkpoint
 * was saved.
 */
export function createClusterAction(rocket: RocketApiClient, portalUrl: string) {
  return createTemplateAction({
    id: 'rocket:cluster:create',
    description: "Creates a database cluster from pool servers and starts its provisioning (Rocket DBaaS)",
    supportsDryRun: true,
    schema: {
      input: {
        name: z => z.string().regex(/^[a-z][a-z0-9-]{1,61}[a-z0-9]$/, 'must be 3-63 lowercase letters, digits or dashes').describe('Cluster name'),
        application: z => z.string().min(2).max(100).describe('Application the cluster belongs to'),
        dbmsType: z => z.enum(DBMS_TYPES).default('postgresql'),
        environment: z => z.enum(ENVIRONMENTS),
        servers: z => z.array(z.string().max(253)).min(1).max(9).describe('Pool servers to build the cluster from'),
        cpu: z => z.number().int().min(1).max(512),
        ramGb: z => z.number().int().min(1).max(8192),
        diskGb: z => z.number().int().min(1).max(1_000_000),
        tls: z => z.boolean().default(true),
        backupRetentionDays: z => z.number().int().min(1).max(3650).default(14),
        maintenanceWeekday: z => z.enum(WEEKDAYS).default('sun'),
        maintenanceStart: z => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM').default('02:00'),
        provision: z => z.boolean().default(true),
        intakeRequestId: z => z.number().int().min(1).optional().describe('The approved intake request the cluster fulfils'),
      },
      output: {
        clusterName: z => z.string(),
        clusterUrl: z => z.string(),
        entityRef: z => z.string(),
      },
    },
    async handler(ctx) {
      const input = ctx.input;
      const clusterUrl = `${portalUrl}/rocket-dbaas/clusters/${input.name}`;
      const entityRef = `resource:default/${input.name}`;
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would create ${input.name} on ${input.servers.join(', ')}`);
      } else {
        const credentials = await ctx.getInitiatorCredentials();
        await ctx.checkpoint({
          key: `rocket-cluster-create-${input.name}`,
          fn: async () => {
            const created = await rocket.request<{ name: string; readWritePort: number; readOnlyPort: number }>(credentials, 'POST', '/clusters', {
              name: input.name,
              application: input.application,
              dbmsType: input.dbmsType ?? 'postgresql',
              environment: input.environment,
              servers: input.servers,
              requested: { cpu: input.cpu, ramGb: input.ramGb, diskGb: input.diskGb },
              tls: input.tls ?? true,
              backupRetention: { days: input.backupRetentionDays ?? 14, minFullCount: 2 },
              maintenanceWindow: {
                weekday: input.maintenanceWeekday ?? 'sun',
                start: input.maintenanceStart ?? '02:00',
                durationMinutes: 120,
                timeZone: 'UTC',
              },
              provision: input.provision ?? true,
              ...(input.intakeRequestId ? { intakeRequestId: input.intakeRequestId } : {}),
            }, { 'Idempotency-Key': `scaffolder-${ctx.task.id}-cluster-create` });
            ctx.logger.info(`Created ${created.name}: read-write port ${created.readWritePort}, read-only port ${created.readOnlyPort}`);
            return created.name;
          },
        });
      }
      ctx.output('clusterName', input.name);
      ctx.output('clusterUrl', clusterUrl);
      ctx.output('entityRef', entityRef);
    },
  });
}
