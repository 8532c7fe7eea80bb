import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { RocketApiClient, RocketApiError } from '../RocketApiClient';

/**
 * rocket:application:create registers a new application in Rocket, owned by a
 * catalog group, for the "new application" path of the create-cluster wizard.
 * The call is a checkpoint: a retried task does not register it twice, and a
 * task that died before its checkpoint was saved finds its application
 * registered and goes on (the same owner) or says whose it is.
 */
export function createApplicationAction(rocket: RocketApiClient) {
  return createTemplateAction({
    id: 'rocket:application:create',
    description: 'Registers a new application in Rocket DBaaS',
    supportsDryRun: true,
    schema: {
      input: {
        name: z =>
          z
            .string()
            .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,98}[A-Za-z0-9]$/, 'must be 2-100 letters, digits, spaces, dots, dashes or underscores')
            .describe('Application name'),
        owner: z =>
          z
            .string()
            .regex(/^group:([a-z0-9._-]+\/)?[A-Za-z0-9._-]+$/, 'must be a group, like group:default/payments')
            .describe('Catalog group that owns the application'),
        description: z => z.string().max(2000).optional(),
        costCentre: z => z.string().max(64).optional(),
      },
      output: {
        application: z => z.string(),
      },
    },
    async handler(ctx) {
      const { name, owner, description, costCentre } = ctx.input;
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would register application ${name} owned by ${owner}`);
      } else {
        const credentials = await ctx.getInitiatorCredentials();
        await ctx.checkpoint({
          key: `rocket-application-create-${name}`,
          fn: async () => {
            try {
              await rocket.request(credentials, 'POST', '/applications', {
                name,
                owner,
                ...(description ? { description } : {}),
                ...(costCentre ? { costCentre } : {}),
              });
              ctx.logger.info(`Registered application ${name}, owned by ${owner}`);
            } catch (error) {
              if (!(error instanceof RocketApiError && error.status === 409)) throw error;
              // a retry after a crash before the checkpoint, or a registration by someone else: fine when the owner is the same
              const existing = await rocket.request<{ owner: string }>(credentials, 'GET', `/applications/${encodeURIComponent(name)}`);
              if (existing.owner !== owner) {
                throw new InputError(`name: application ${name} already exists, owned by ${existing.owner}, not ${owner}`);
              }
              ctx.logger.info(`Application ${name} is registered already, owned by ${owner}`);
            }
          },
        });
      }
      ctx.output('application', name);
    },
  });
}
