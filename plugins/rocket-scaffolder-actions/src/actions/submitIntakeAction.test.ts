import { mockServices } from '@backstage/backend-test-utils';
import { validIntakeBody, RocketTestBackend, startRocketTestBackend } from '@internal/plugin-rocket-dbaas-backend/testUtils';
import { Validator } from 'jsonschema';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { fakeActionContext } from '../__testUtils__/fakeActionContext';
import { RocketApiClient } from '../RocketApiClient';
import { submitIntakeAction } from './submitIntakeAction';

jest.setTimeout(60_000);

// the template's parameters, flat as the intake form sends them
function templateInput() {
  const { maintenanceWindow, ...rest } = validIntakeBody();
  return { ...rest, maintenanceWeekday: maintenanceWindow.weekday, maintenanceStart: maintenanceWindow.start };
}

describe('rocket:intake:submit', () => {
  let rocket: RocketTestBackend;
  let action: ReturnType<typeof submitIntakeAction>;
  const intake = async () => (await request(rocket.server).get('/api/rocket-dbaas/intake').expect(200)).body;

  beforeAll(async () => {
    rocket = await startRocketTestBackend();
    const { port } = rocket.server.address() as AddressInfo;
    const discovery = { getBaseUrl: async () => `http://127.0.0.1:${port}/api/rocket-dbaas`, getExternalBaseUrl: async () => '' };
    action = submitIntakeAction(new RocketApiClient(discovery, mockServices.auth()), 'http://portal.test');
  });
  afterAll(() => rocket.backend.stop());

  it('refuses bad input, naming the field', () => {
    const validator = new Validator();
    const bad = validator.validate({ ...templateInput(), environments: ['Staging'], contacts: [], goLiveDate: 'soon' }, action.schema!.input as any);
    const fields = bad.errors.map(e => e.property).join(' ');
    expect(fields).toContain('instance.environments[0]');
    expect(fields).toContain('instance.contacts');
    expect(fields).toContain('instance.goLiveDate');
    expect(validator.validate(templateInput(), action.schema!.input as any).valid).toBe(true);
  });

  it('files nothing on a dry run', async () => {
    const { ctx, outputs } = fakeActionContext(templateInput(), { isDryRun: true });
    await action.handler(ctx);
    expect(outputs).toEqual({ requestId: 0, requestUrl: 'http://portal.test/rocket-dbaas/intake' });
    expect((await intake()).totalCount).toBe(0);
  });

  it('files one request on behalf of the user, even when the task is retried', async () => {
    const checkpoints = new Map<string, unknown>();
    const first = fakeActionContext(templateInput(), { checkpoints });
    await action.handler(first.ctx);
    await action.handler(fakeActionContext(templateInput(), { checkpoints }).ctx);
    const { items, totalCount } = await intake();
    expect(totalCount).toBe(1);
    expect(items[0]).toMatchObject({
      application: 'billing',
      requestedBy: 'user:default/guest',
      maintenanceWindow: { weekday: 'sat', start: '03:30' },
      status: 'submitted',
    });
    expect(first.outputs).toEqual({ requestId: items[0].id, requestUrl: `http://portal.test/rocket-dbaas/intake/${items[0].id}` });
  });

  it('files one request when a task died after Rocket answered but before its checkpoint was saved', async () => {
    const before = (await intake()).totalCount;
    const first = fakeActionContext(templateInput(), { taskId: 'task-crash' });
    await action.handler(first.ctx);
    // no checkpoint, the same task: Rocket's idempotency key answers with the first request
    const second = fakeActionContext(templateInput(), { taskId: 'task-crash' });
    await action.handler(second.ctx);
    expect(second.outputs).toEqual(first.outputs);
    expect((await intake()).totalCount).toBe(before + 1);
  });

  it("passes Rocket's refusal on, naming the field", async () => {
    const { ctx } = fakeActionContext({ ...templateInput(), goLiveDate: '2020-01-01' }, { taskId: 'task-old' });
    await expect(action.handler(ctx)).rejects.toThrow(/Rocket DBaaS answered 400: .*goLiveDate: must not be in the past/);
  });
});
