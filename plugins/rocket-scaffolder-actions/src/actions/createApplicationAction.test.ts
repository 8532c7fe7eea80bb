import { mockServices } from '@backstage/backend-test-utils';
import { RocketTestBackend, startRocketTestBackend } from '@internal/plugin-rocket-dbaas-backend/testUtils';
import { Validator } from 'jsonschema';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { fakeActionContext } from '../__testUtils__/fakeActionContext';
import { RocketApiClient } from '../RocketApiClient';
import { createApplicationAction } from './createApplicationAction';

jest.setTimeout(60_000);

const input = { name: 'ledger', owner: 'group:default/finance', description: 'The general ledger' };

describe('rocket:application:create', () => {
  let rocket: RocketTestBackend;
  let action: ReturnType<typeof createApplicationAction>;

  beforeAll(async () => {
    rocket = await startRocketTestBackend();
    const { port } = rocket.server.address() as AddressInfo;
    const discovery = { getBaseUrl: async () => `http://127.0.0.1:${port}/api/rocket-dbaas`, getExternalBaseUrl: async () => '' };
    action = createApplicationAction(new RocketApiClient(discovery, mockServices.auth()));
  });
  afterAll(() => rocket.backend.stop());

  it('refuses bad input, naming the field', () => {
    const validator = new Validator();
    const fields = validator
      .validate({ name: '!', owner: 'user:default/bea' }, action.schema!.input as any)
      .errors.map(e => e.property)
      .join(' ');
    expect(fields).toContain('instance.name');
    expect(fields).toContain('instance.owner');
    expect(validator.validate(input, action.schema!.input as any).valid).toBe(true);
  });

  it('registers nothing on a dry run', async () => {
    const { ctx, outputs } = fakeActionContext(input, { isDryRun: true });
    await action.handler(ctx);
    expect(outputs).toEqual({ application: 'ledger' });
    await request(rocket.server).get('/api/rocket-dbaas/applications/ledger').expect(404);
  });

  it('registers the application once, even when the task is retried', async () => {
    const checkpoints = new Map<string, unknown>();
    await action.handler(fakeActionContext(input, { checkpoints }).ctx);
    await action.handler(fakeActionContext(input, { checkpoints }).ctx);
    const app = await request(rocket.server).get('/api/rocket-dbaas/applications/ledger').expect(200);
    expect(app.body).toMatchObject({ owner: 'group:default/finance', description: 'The general ledger' });
  });

  it('goes on when a retry without its checkpoint finds the application registered, and refuses another owner', async () => {
    const retried = { ...input, name: 'journal' };
    await action.handler(fakeActionContext(retried).ctx);
    // a new task context: the checkpoint of the first run was lost
    const { ctx, outputs } = fakeActionContext(retried);
    await action.handler(ctx);
    expect(outputs).toEqual({ application: 'journal' });
    await expect(action.handler(fakeActionContext({ ...retried, owner: 'group:default/other' }).ctx)).rejects.toThrow(
      'name: application journal already exists, owned by group:default/finance, not group:default/other',
    );
  });
});
