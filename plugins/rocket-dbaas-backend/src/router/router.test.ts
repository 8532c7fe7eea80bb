import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { startRocketTestBackend } from '../__testUtils__/rocketTestBackend';

jest.setTimeout(60_000);

const api = '/api/rocket-dbaas';
const cluster = {
  name: 'shop-db',
  dbmsType: 'postgresql',
  application: 'payments',
  environment: 'Prod',
  requested: { cpu: 8, ramGb: 64, diskGb: 1000 },
  servers: ['pool05.dc1.example.com', 'pool06.dc2.example.com'],
};

describe('Rocket API', () => {
  let ctx: Awaited<ReturnType<typeof startRocketTestBackend>>;
  beforeAll(async () => {
    ctx = await startRocketTestBackend();
  });
  afterAll(() => ctx.backend.stop());

  it('serves the seeded overview and a page of clusters with their servers', async () => {
    const overview = await request(ctx.server).get(`${api}/overview`).expect(200);
    expect(overview.body).toMatchObject({ clusters: 10, servers: 25, freePoolServers: 8 });
    const page = await request(ctx.server).get(`${api}/clusters?environment=Prod&sort=name&limit=2`).expect(200);
    expect(page.body.totalCount).toBe(4);
    expect(page.body.items.map((c: any) => c.name)).toEqual(['analytics-prod', 'orders-prod']);
    expect(page.body.items[0].servers).toHaveLength(3);
  });

  it('creates a cluster from pool servers with a port pair, an activity and a signal', async () => {
    ctx.signals.published.length = 0;
    const created = await request(ctx.server).post(`${api}/clusters`).send(cluster).expect(201);
    expect(created.body).toMatchObject({ name: 'shop-db', lifecycle: 'requested', health: 'configuring', serverCount: 2 });
    expect(created.body.readWritePort).not.toBe(created.body.readOnlyPort);
    expect(created.body.servers.map((s: any) => s.role)).toEqual(['configuring', 'configuring']);
    const ports = await request(ctx.server).get(`${api}/ports?cluster=shop-db`).expect(200);
    expect(ports.body.items.map((p: any) => p.status)).toEqual(['used', 'used']);
    const log = await request(ctx.server).get(`${api}/clusters/shop-db/activities`).expect(200);
    expect(log.body.items[0]).toMatchObject({ type: 'Create', actor: 'user:default/mock' });
    expect(ctx.signals.published).toEqual([
      expect.objectContaining({ channel: 'rocket-dbaas', message: expect.objectContaining({ kind: 'cluster', key: 'shop-db' }) }),
    ]);
    await request(ctx.server).post(`${api}/clusters`).send(cluster).expect(409);
  });

  it('refuses a stale update with 409 and keeps the newer one', async () => {
    const { body } = await request(ctx.server).get(`${api}/clusters/payments-qa`).expect(200);
    await request(ctx.server).patch(`${api}/clusters/payments-qa`).send({ health: 'down', version: body.version }).expect(200);
    const stale = await request(ctx.server).patch(`${api}/clusters/payments-qa`).send({ health: 'up', version: body.version }).expect(409);
    expect(stale.body.error.message).toMatch(/changed by someone else/);
    expect((await request(ctx.server).get(`${api}/clusters/payments-qa`)).body.health).toBe('down');
  });

  it('decommissions a cluster: servers back to the pool, ports freed', async () => {
    const before = await request(ctx.server).get(`${api}/clusters/analytics-dev`).expect(200);
    const hostnames = before.body.servers.map((s: any) => s.hostname);
    await request(ctx.server).post(`${api}/clusters/analytics-dev/decommission`).send({ reason: 'app retired' }).expect(200);
    const pool = await request(ctx.server).get(`${api}/pool-servers?limit=100`).expect(200);
    expect(pool.body.items.map((s: any) => s.hostname)).toEqual(expect.arrayContaining(hostnames));
    const ports = await request(ctx.server).get(`${api}/ports?cluster=analytics-dev`).expect(200);
    expect(ports.body.totalCount).toBe(0);
    await request(ctx.server).post(`${api}/clusters/analytics-dev/decommission`).send({}).expect(409);
    const list = await request(ctx.server).get(`${api}/clusters?q=analytics-dev`).expect(200);
    expect(list.body.totalCount).toBe(0);
  });

  it('filters pool servers by size and claims and releases them', async () => {
    const big = await request(ctx.server).get(`${api}/pool-servers?environment=Prod&cpu=16&ramGb=128`).expect(200);
    expect(big.body.items.map((s: any) => s.hostname)).toEqual(['pool07.dc1.example.com', 'pool08.dc2.example.com']);
    const claim = await request(ctx.server).post(`${api}/pool-servers/claim`).send({ count: 2, environment: 'Prod', cpu: 16 }).expect(200);
    expect(claim.body.items.map((s: any) => s.role)).toEqual(['claimed', 'claimed']);
    const refused = await request(ctx.server).post(`${api}/pool-servers/claim`).send({ count: 1, cpu: 16 }).expect(409);
    expect(refused.body.error.message).toMatch(/Nothing was claimed/);
    await request(ctx.server).post(`${api}/pool-servers/pool07.dc1.example.com/release`).send({}).expect(200);
    await request(ctx.server).post(`${api}/pool-servers/pool07.dc1.example.com/release`).send({}).expect(409);
    await request(ctx.server).post(`${api}/pool-servers/pg001.dc1.example.com/release`).send({}).expect(409);
  });

  it('registers pool servers in a datacenter it knows', async () => {
    await request(ctx.server).put(`${api}/datacenters`).send({ code: 'dc3', name: 'North' }).expect(200);
    const res = await request(ctx.server)
      .post(`${api}/pool-servers`)
      .send({ servers: [{ hostname: 'new1.dc3.test', address: '127.0.30.201', datacenter: 'dc3', environment: 'Dev', cpu: 2, ramGb: 4, diskGb: 50 }] })
      .expect(201);
    expect(res.body.items).toEqual([expect.objectContaining({ hostname: 'new1.dc3.test', role: 'pool', sshUser: 'rocket' })]);
    await request(ctx.server)
      .post(`${api}/pool-servers`)
      .send({ servers: [{ hostname: 'new1.dc3.test', address: '127.0.30.201', datacenter: 'dc3', environment: 'Dev', cpu: 2, ramGb: 4, diskGb: 50 }] })
      .expect(409);
  });

  it('manages applications, contacts and their links', async () => {
    await request(ctx.server).post(`${api}/applications`).send({ name: 'billing', owner: 'group:default/billing' }).expect(201);
    const contact = await request(ctx.server).post(`${api}/contacts`).send({ name: 'Bea', email: 'bea@example.com' }).expect(201);
    await request(ctx.server).put(`${api}/applications/billing/contacts/${contact.body.id}`).send({ role: 'owner', notify: ['outages'] }).expect(200);
    const linked = await request(ctx.server).get(`${api}/applications/billing/contacts`).expect(200);
    expect(linked.body.items).toEqual([expect.objectContaining({ name: 'Bea', role: 'owner', notify: ['outages'] })]);
    const expired = await request(ctx.server).post(`${api}/contacts/${contact.body.id}/expire`).send({}).expect(200);
    expect(expired.body.active).toBe(false);
    await request(ctx.server).delete(`${api}/applications/billing/contacts/${contact.body.id}`).expect(204);
    await request(ctx.server).delete(`${api}/applications/billing/contacts/${contact.body.id}`).expect(404);
    await request(ctx.server).patch(`${api}/applications/billing`).send({ description: 'Invoices' }).expect(200);
    await request(ctx.server).post(`${api}/applications`).send({ name: 'billing', owner: 'group:default/x' }).expect(409);
  });

  it('adds, edits and deletes notes on a cluster', async () => {
    const note = await request(ctx.server).post(`${api}/clusters/orders-qa/notes`).send({ title: 'Hi', body: 'There', colour: 'green' }).expect(201);
    expect(note.body).toMatchObject({ cluster: 'orders-qa', author: 'user:default/mock', colour: 'green' });
    await request(ctx.server).patch(`${api}/clusters/orders-qa/notes/${note.body.id}`).send({ body: 'Edited' }).expect(200);
    await request(ctx.server).patch(`${api}/clusters/orders-prod/notes/${note.body.id}`).send({ body: 'x' }).expect(404);
    const notes = await request(ctx.server).get(`${api}/clusters/orders-qa/notes`).expect(200);
    expect(notes.body.items.map((n: any) => n.body)).toEqual(['Edited']);
    await request(ctx.server).delete(`${api}/clusters/orders-qa/notes/${note.body.id}`).expect(204);
    await request(ctx.server).get(`${api}/clusters/nope-nope/notes`).expect(404);
  });

  it('lists activities by DBMS type', async () => {
    const res = await request(ctx.server).get(`${api}/postgresql/activities?type=Switchover`).expect(200);
    expect(res.body.totalCount).toBe(4);
    await request(ctx.server).get(`${api}/oracle/activities`).expect(400);
  });

  it('answers 401 without credentials on every route', async () => {
    for (const [method, path] of [
      ['get', '/overview'],
      ['get', '/clusters'],
      ['post', '/clusters'],
      ['patch', '/clusters/payments-prod'],
      ['post', '/pool-servers/claim'],
      ['get', '/postgresql/activities'],
      ['post', '/clusters/payments-prod/notes'],
      ['put', '/applications/payments/contacts/1'],
    ] as const) {
      const res = await request(ctx.server)[method](`${api}${path}`).set('Authorization', mockCredentials.none.header()).send({});
      expect([method, path, res.status]).toEqual([method, path, 401]);
    }
  });
});

describe('Rocket API as a user the policy denies', () => {
  let ctx: Awaited<ReturnType<typeof startRocketTestBackend>>;
  beforeAll(async () => {
    ctx = await startRocketTestBackend({ permission: AuthorizeResult.DENY });
  });
  afterAll(() => ctx.backend.stop());

  it('answers 403 with the permission named', async () => {
    const read = await request(ctx.server).get(`${api}/clusters`).expect(403);
    expect(read.body.error).toMatchObject({ name: 'NotAllowedError', message: 'Not allowed: rocket-dbaas.inventory.read' });
    await request(ctx.server).post(`${api}/clusters`).send(cluster).expect(403);
    await request(ctx.server).post(`${api}/pool-servers/claim`).send({ count: 1 }).expect(403);
    await request(ctx.server).post(`${api}/clusters/payments-prod/notes`).send({ title: 'x', body: 'y' }).expect(403);
    await request(ctx.server).post(`${api}/applications`).send({ name: 'x1', owner: 'group:default/x' }).expect(403);
  });
});
