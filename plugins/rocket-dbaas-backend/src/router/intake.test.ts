import { TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import request from 'supertest';
import { startRocketTestBackend } from '../__testUtils__/rocketTestBackend';
import { validIntakeBody } from '../__testUtils__/intakeFixtures';
import { tableSnapshot } from '../__testUtils__/tableSnapshot';

jest.setTimeout(60_000);

const api = '/api/rocket-dbaas';
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())('intake on %s', databaseId => {
  let knex: Knex;
  let ctx: Awaited<ReturnType<typeof startRocketTestBackend>>;
  beforeAll(async () => {
    knex = await databases.init(databaseId);
    ctx = await startRocketTestBackend({ knex });
  });
  afterAll(() => ctx.backend.stop());

  it('files a request as the caller, lists it and signals it', async () => {
    ctx.signals.published.length = 0;
    const body = validIntakeBody();
    const created = await request(ctx.server).post(`${api}/intake`).send(body).expect(201);
    expect(created.body).toMatchObject({ ...body, status: 'submitted', requestedBy: 'user:default/mock', version: 1, cluster: null });
    const list = await request(ctx.server).get(`${api}/intake?status=submitted`).expect(200);
    expect(list.body.items.map((r: any) => r.id)).toContain(created.body.id);
    expect(ctx.signals.published).toEqual([expect.objectContaining({ message: { kind: 'intake', key: String(created.body.id) } })]);
  });

  it('approves a submitted request once, at the version the reviewer saw', async () => {
    const { body } = await request(ctx.server).post(`${api}/intake`).send(validIntakeBody()).expect(201);
    const approved = await request(ctx.server).post(`${api}/intake/${body.id}/approve`).send({ version: 1 }).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: 'user:default/mock', version: 2 });
    expect(approved.body.decidedAt).toBeTruthy();
    const again = await request(ctx.server).post(`${api}/intake/${body.id}/reject`).send({ version: 2, reason: 'no' }).expect(409);
    expect(again.body.error.message).toMatch(/already approved/);
  });

  it('refuses a decision made on a stale version, and writes nothing', async () => {
    const { body } = await request(ctx.server).post(`${api}/intake`).send(validIntakeBody()).expect(201);
    await knex('intake_requests').where({ id: body.id }).update({ version: 2 });
    const before = await tableSnapshot(knex);
    const stale = await request(ctx.server).post(`${api}/intake/${body.id}/approve`).send({ version: 1 }).expect(409);
    expect(stale.body.error.message).toMatch(/changed by someone else/);
    expect(await tableSnapshot(knex)).toEqual(before);
  });

  it('rejects with a reason the requester can read', async () => {
    const { body } = await request(ctx.server).post(`${api}/intake`).send(validIntakeBody()).expect(201);
    const noReason = await request(ctx.server).post(`${api}/intake/${body.id}/reject`).send({ version: 1 }).expect(400);
    expect(noReason.body.error.message).toMatch(/reason: /);
    const rejected = await request(ctx.server)
      .post(`${api}/intake/${body.id}/reject`)
      .send({ version: 1, reason: 'Use the shared reporting cluster' })
      .expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionReason: 'Use the shared reporting cluster' });
    expect((await request(ctx.server).get(`${api}/intake/${body.id}`).expect(200)).body.status).toBe('rejected');
  });

  it('marks an approved request fulfilled by the cluster built for it, and only an approved one', async () => {
    const { body } = await request(ctx.server).post(`${api}/intake`).send({ ...validIntakeBody(), application: 'payments' }).expect(201);
    const cluster = { name: 'billing-dev', dbmsType: 'postgresql', application: 'payments', environment: 'Dev', requested: { cpu: 1, ramGb: 1, diskGb: 10 } };
    const early = await request(ctx.server).post(`${api}/clusters`).send({ ...cluster, intakeRequestId: body.id }).expect(400);
    expect(early.body.error.message).toMatch(/intakeRequestId: intake request \d+ is not an approved/);
    await request(ctx.server).get(`${api}/clusters/billing-dev`).expect(404);
    await request(ctx.server).post(`${api}/intake/${body.id}/approve`).send({ version: 1 }).expect(200);
    await request(ctx.server).post(`${api}/clusters`).send({ ...cluster, intakeRequestId: body.id }).expect(201);
    const fulfilled = await request(ctx.server).get(`${api}/intake/${body.id}`).expect(200);
    expect(fulfilled.body).toMatchObject({ status: 'fulfilled', cluster: 'billing-dev' });
  });
});

describe('intake input and permissions', () => {
  let knex: Knex;
  let ctx: Awaited<ReturnType<typeof startRocketTestBackend>>;
  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    ctx = await startRocketTestBackend({ knex });
  });
  afterAll(() => ctx.backend.stop());

  const bad: Array<[string, Record<string, unknown>, string]> = [
    ['an owner that is no group', { owner: 'user:default/bea' }, 'owner'],
    ['no contacts', { contacts: [] }, 'contacts'],
    ['a contact without an e-mail', { contacts: [{ name: 'Bea', email: 'bea', role: 'owner' }] }, 'contacts.0.email'],
    ['an unknown environment', { environments: ['Staging'] }, 'environments.0'],
    ['a repeated environment', { environments: ['Dev', 'Dev'] }, 'environments'],
    ['a negative size', { expectedSizeGb: -5 }, 'expectedSizeGb'],
    ['an unknown workload', { workload: 'gaming' }, 'workload'],
    ['an unknown availability', { availability: '100' }, 'availability'],
    ['an unknown sensitivity', { dataSensitivity: 'secret' }, 'dataSensitivity'],
    ['a go-live date in the past', { goLiveDate: '2020-01-01' }, 'goLiveDate'],
    ['a go-live date that does not exist', { goLiveDate: '2031-02-30' }, 'goLiveDate'],
    ['a maintenance start out of range', { maintenanceWindow: { weekday: 'sat', start: '24:00' } }, 'maintenanceWindow.start'],
    ['a shell-ish cost centre', { costCentre: 'CC;rm' }, 'costCentre'],
    ['an unknown field', { budget: 1000 }, 'budget'],
  ];

  it.each(bad)('answers 400 to %s, naming %s, and writes nothing', async (_what, change, field) => {
    const before = await tableSnapshot(knex);
    const res = await request(ctx.server).post(`${api}/intake`).send({ ...validIntakeBody(), ...change }).expect(400);
    expect(res.body.error.message).toMatch(new RegExp(`(^|[ ;])${field.replace(/\./g, '\\.')}: `));
    expect(await tableSnapshot(knex)).toEqual(before);
  });

  it('answers 404 for a request that does not exist, 400 for an id that cannot be one', async () => {
    await request(ctx.server).get(`${api}/intake/999`).expect(404);
    await request(ctx.server).post(`${api}/intake/999/approve`).send({ version: 1 }).expect(404);
    const notAnId = await request(ctx.server).post(`${api}/intake/x/approve`).send({ version: 1 }).expect(400);
    expect(notAnId.body.error.message).toMatch(/id: /);
  });
});

describe('intake refused by the policy', () => {
  it('writes nothing and answers 403', async () => {
    const knex = await databases.init('SQLITE_3');
    const ctx = await startRocketTestBackend({ knex, permission: AuthorizeResult.DENY });
    try {
      const before = await tableSnapshot(knex);
      await request(ctx.server).post(`${api}/intake`).send(validIntakeBody()).expect(403);
      await request(ctx.server).post(`${api}/intake/1/approve`).send({ version: 1 }).expect(403);
      expect(await tableSnapshot(knex)).toEqual(before);
    } finally {
      await ctx.backend.stop();
    }
  });
});
