import { mockServices } from '@backstage/backend-test-utils';
import { AddressInfo } from 'node:net';
import { Validator } from 'jsonschema';
import request from 'supertest';
import { startRocketTestBackend, RocketTestBackend } from '@internal/plugin-rocket-dbaas-backend/testUtils';
import { RocketApiClient } from '../RocketApiClient';
import { fakeActionContext } from '../__testUtils__/fakeActionContext';
import { createClusterAction } from './createClusterAction';

jest.setTimeout(60_000);

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
    const bad = validator.validate({ ...input, name: 'Bad Name!', cpu: -1 }, action.schema!.input as any);
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

  it('creates one cluster when a task died after Rocket answered but before its checkpoint was saved', async () => {
    const retried = { ...input, name: 'wizard-crash', servers: ['pool07.dc1.example.com'] };
    const first = fakeActionContext(retried, { taskId: 'task-crash' });
    await action.handler(first.ctx);
    // the retry has no checkpoint, but the same task id: Rocket's idempotency key answers as before
    const second = fakeActionContext(retried, { taskId: 'task-crash' });
    await action.handler(second.ctx);
    expect(second.outputs).toEqual(first.outputs);
    const log = await request(rocket.server).get('/api/rocket-dbaas/clusters/wizard-crash/activities').expect(200);
    expect(log.body.items.filter((a: any) => a.type === 'Create')).toHaveLength(1);
  });

  it("passes Rocket's refusal on, in Rocket's words", async () => {
    const { ctx } = fakeActionContext({ ...input, name: 'wizard-two' }, { taskId: 'task-two' });
    await expect(action.handler(ctx)).rejects.toThrow(/Rocket DBaaS answered 409: Could not claim the pool servers/);
  });
});
