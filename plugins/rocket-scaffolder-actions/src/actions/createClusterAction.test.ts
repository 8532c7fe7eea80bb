import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AddressInfo } from 'node:net';
import { Validator } from 'jsonschema';
import request from 'supertest';
import { startRocketTestBackend, RocketTestBackend } from '@internal/plugin-rocket-dbaas-backend/testUtils';
import { RocketApiClient } from '../RocketApiClient';
import { createClusterAction } from './createClusterAction';

jest.setTimeout(60_000);

/** A stand-in for the scaffolder's action context: the parts the action uses, and a real checkpoint store. */
function fakeActionContext(input: Record<string, unknown>, options: { isDryRun?: boolean; checkpoints?: Map<string, unknown> } = {}) {
  const outputs: Record<string, unknown> = {};
  const checkpoints = options.checkpoints ?? new Map<string, unknown>();
  return {
    outputs,
    ctx: {
      input,
      isDryRun: options.isDryRun ?? false,
      logger: mockServices.logger.mock(),
      output: (name: string, value: unknown) => {
        outputs[name] = value;
      },
      getInitiatorCredentials: async () => mockCredentials.user('user:default/guest'),
      checkpoint: async ({ key, fn }: { key: string; fn: () => Promise<unknown> }) => {
        if (!checkpoints.has(key)) checkpoints.set(key, await fn());
        return checkpoints.get(key);
      },
    } as any,
  };
}

const input = {
  name: 'wizard-db',
  application: 'payments',
  environment: 'Prod',
  servers: ['pool05.dc1.example.com', 'pool06.dc2.example.com'],
  cpu: 8,
  ramGb: 64,
  diskGb: 1000,
  provision: false,
};

describe('rocket:cluster:create', () => {
  let rocket: RocketTestBackend;
  let action: ReturnType<typeof createClusterAction>;

  beforeAll(async () => {
    rocket = await startRocketTestBackend();
    const { port } = rocket.server.address() as AddressInfo;
    const discovery = { getBaseUrl: async () => `http://127.0.0.1:${port}/api/rocket-dbaas`, getExternalBaseUrl: async () => '' };
    action = createClusterAction(new RocketApiClient(discovery, mockServices.auth()), 'http://portal.test');
  });
  afterAll(() => rocket.backend.stop());

  it('refuses bad input, naming the field', () => {
    const validator = new Validator();
    const bad = validator.validate({ ...input, name: 'Bad Name!', cpu: -1, extra: 1 }, action.schema!.input as any);
    const fields = bad.errors.map(e => e.property).join(' ');
    expect(fields).toContain('instance.name');
    expect(fields).toContain('instance.cpu');
    expect(validator.validate(input, action.schema!.input as any).valid).toBe(true);
  });

  it('creates nothing on a dry run', async () => {
    const { ctx, outputs } = fakeActionContext(input, { isDryRun: true });
    await action.handler(ctx);
    expect(outputs).toEqual({ clusterName: 'wizard-db', clusterUrl: 'http://portal.test/rocket-dbaas/clusters/wizard-db', entityRef: 'resource:default/wizard-db' });
    await request(rocket.server).get('/api/rocket-dbaas/clusters/wizard-db').expect(404);
  });

  it('creates the cluster on behalf of the user, once, even when the task is retried', async () => {
    const checkpoints = new Map<string, unknown>();
    await action.handler(fakeActionContext(input, { checkpoints }).ctx);
    await action.handler(fakeActionContext(input, { checkpoints }).ctx);
    const cluster = await request(rocket.server).get('/api/rocket-dbaas/clusters/wizard-db').expect(200);
    expect(cluster.body.servers.map((s: any) => s.hostname).sort()).toEqual(input.servers);
    const log = await request(rocket.server).get('/api/rocket-dbaas/clusters/wizard-db/activities').expect(200);
    expect(log.body.items.filter((a: any) => a.type === 'Create')).toEqual([expect.objectContaining({ actor: 'user:default/guest' })]);
  });

  it("passes Rocket's refusal on, in Rocket's words", async () => {
    const { ctx } = fakeActionContext({ ...input, name: 'wizard-two' });
    await expect(action.handler(ctx)).rejects.toThrow(/Rocket DBaaS answered 409: Could not claim the pool servers/);
  });
});
