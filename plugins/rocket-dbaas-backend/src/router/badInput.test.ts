import { TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import request from 'supertest';
import { startRocketTestBackend } from '../__testUtils__/rocketTestBackend';
import { tableSnapshot } from '../__testUtils__/tableSnapshot';
import { validIntakeBody } from '../__testUtils__/intakeFixtures';

jest.setTimeout(60_000);

const api = '/api/rocket-dbaas';
const big = 'x'.repeat(10 * 1024);
const validCluster = {
  name: 'new-db',
  dbmsType: 'postgresql',
  application: 'payments',
  environment: 'Dev',
  requested: { cpu: 2, ramGb: 8, diskGb: 100 },
};
const validServer = { hostname: 'n1.dc1.test', address: '127.0.30.209', datacenter: 'dc1', environment: 'Dev', cpu: 2, ramGb: 4, diskGb: 50 };

type Case = [method: 'post' | 'patch' | 'put' | 'delete', path: string, body: unknown, field: string];

// Every mutating route, with each kind of bad input, and the field the answer must name.
const cases: Case[] = [
  ['post', '/clusters', { ...validCluster, name: 42 }, 'name'],
  ['post', '/clusters', { ...validCluster, name: big }, 'name'],
  ['post', '/clusters', { ...validCluster, name: 'x; rm -rf /' }, 'name'],
  ['post', '/clusters', { ...validCluster, colour: 'red' }, 'colour'],
  ['post', '/clusters', { ...validCluster, requested: { cpu: -1, ramGb: 8, diskGb: 100 } }, 'requested.cpu'],
  ['post', '/clusters', { ...validCluster, requested: { cpu: 2, ramGb: 8, diskGb: 1e12 } }, 'requested.diskGb'],
  ['post', '/clusters', { ...validCluster, environment: 'Staging' }, 'environment'],
  ['post', '/clusters', { ...validCluster, application: 'no-such-app' }, 'application'],
  ['post', '/clusters', { ...validCluster, servers: ['ghost.dc1.test'] }, 'servers'],
  ['post', '/clusters', { ...validCluster, servers: ['$(id)'] }, 'servers.0'],
  ['post', '/clusters', { ...validCluster, maintenanceWindow: { weekday: 'sun', start: '25:00', durationMinutes: 60, timeZone: 'UTC' } }, 'maintenanceWindow.start'],
  ['post', '/clusters', { ...validCluster, maintenanceWindow: { weekday: 'sun', start: '02:00', durationMinutes: 60, timeZone: 'Mars/Base' } }, 'maintenanceWindow.timeZone'],
  ['post', '/clusters', '{"name":', 'body'],
  ['patch', '/clusters/payments-prod', { health: 'great' }, 'health'],
  ['patch', '/clusters/payments-prod', { backupRetention: { days: -1, minFullCount: 1 } }, 'backupRetention.days'],
  ['patch', '/clusters/payments-prod', { application: 'nobody' }, 'application'],
  ['patch', '/clusters/payments-prod', { description: big }, 'description'],
  ['patch', '/clusters/payments-prod', { lifecycle: 'active' }, 'lifecycle'],
  ['patch', '/clusters/payments-prod', {}, 'body'],
  ['patch', '/clusters/-oProxyCommand=x', { health: 'up' }, 'name'],
  ['post', '/clusters/payments-prod/decommission', { ticketUrl: 'not a url' }, 'ticketUrl'],
  ['post', '/clusters/payments-prod/decommission', { force: true }, 'force'],
  ['patch', '/servers/pg001.dc1.example.com', { cpu: 0 }, 'cpu'],
  ['patch', '/servers/pg001.dc1.example.com', { sshPort: 70000 }, 'sshPort'],
  ['patch', '/servers/pg001.dc1.example.com', { sshUser: 'root; id' }, 'sshUser'],
  ['patch', '/servers/pg001.dc1.example.com', { hostname: 'renamed' }, 'hostname'],
  ['patch', '/servers/pg001.dc1.example.com', { address: 'not-an-ip' }, 'address'],
  ['post', '/servers/pg001.dc1.example.com/enrol', { replace: 'yes' }, 'replace'],
  ['post', '/servers/pg001.dc1.example.com/check', { command: 'rm -rf /' }, 'command'],
  ['post', '/servers/$(id)/check', {}, 'hostname'],
  ['post', '/pool-servers', { servers: [{ ...validServer, datacenter: 'nowhere' }] }, 'servers.0.datacenter'],
  ['post', '/pool-servers', { servers: [{ ...validServer, hostname: big }] }, 'servers.0.hostname'],
  ['post', '/pool-servers', { servers: [validServer, { ...validServer, cpu: 'four' }] }, 'servers.1.cpu'],
  ['post', '/pool-servers', { servers: [validServer, validServer] }, 'servers'],
  ['post', '/pool-servers', { servers: [] }, 'servers'],
  ['post', '/pool-servers', 'servers', 'body'],
  ['post', '/pool-servers/claim', { count: -1 }, 'count'],
  ['post', '/pool-servers/claim', { count: 1, hostnames: ['pool01.dc1.example.com'] }, 'count'],
  ['post', '/pool-servers/claim', { count: 1, owner: 'me' }, 'owner'],
  ['post', '/pool-servers/x;id/release', {}, 'hostname'],
  ['put', '/datacenters', { code: 'Bad Code', name: 'x' }, 'code'],
  ['post', '/applications', { name: 'ok-app', owner: 'nobody' }, 'owner'],
  ['post', '/applications', { name: big, owner: 'group:default/x' }, 'name'],
  ['post', '/applications', { name: 'ok-app', owner: 'group:default/x', budget: 1 }, 'budget'],
  ['patch', '/applications/payments', { active: 'yes' }, 'active'],
  ['put', '/applications/payments/contacts/1', { role: 'boss' }, 'role'],
  ['put', '/applications/payments/contacts/1', { role: 'owner', notify: ['gossip'] }, 'notify.0'],
  ['put', '/applications/payments/contacts/-5', { role: 'owner' }, 'contactId'],
  ['delete', '/applications/payments/contacts/abc', undefined, 'contactId'],
  ['post', '/contacts', { name: 'Zed', email: 'not-an-email' }, 'email'],
  ['post', '/contacts', { name: 'Zed', type: 'robot' }, 'type'],
  ['post', '/contacts', { name: big }, 'name'],
  ['patch', '/contacts/1', { expiresAt: 'tomorrow' }, 'expiresAt'],
  ['post', '/contacts/1/expire', { at: 'soon' }, 'at'],
  ['post', '/clusters/payments-prod/notes', { title: 'x', body: 'y', colour: 'pink' }, 'colour'],
  ['post', '/clusters/payments-prod/notes', { title: big, body: 'y' }, 'title'],
  ['post', '/clusters/payments-prod/notes', { title: 'x' }, 'body'],
  ['patch', '/clusters/payments-prod/notes/1', {}, 'body'],
  ['delete', '/clusters/payments-prod/notes/0', undefined, 'id'],
  ['post', '/clusters', { ...validCluster, intakeRequestId: 0 }, 'intakeRequestId'],
  ['post', '/clusters/payments-prod/provision', { servers: ['$(id)'] }, 'servers.0'],
  ['post', '/clusters/payments-prod/provision', { force: true }, 'force'],
  ['post', '/intake', { ...validIntakeBody(), owner: 'nobody' }, 'owner'],
  ['post', '/intake', { ...validIntakeBody(), expectedSizeGb: 'big' }, 'expectedSizeGb'],
  ['post', '/intake/1/approve', { version: 'one' }, 'version'],
  ['post', '/intake/1/reject', { version: 1 }, 'reason'],
];

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('bad input', () => {
  let knex: Knex;
  let ctx: Awaited<ReturnType<typeof startRocketTestBackend>>;
  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    ctx = await startRocketTestBackend({ knex });
  });
  afterAll(() => ctx.backend.stop());

  it.each(cases)('%s %s %j answers 400 naming %s and writes nothing', async (method, path, body, field) => {
    const before = await tableSnapshot(knex);
    let req = request(ctx.server)[method](`${api}${path}`);
    if (typeof body === 'string') req = req.set('Content-Type', 'application/json').send(body);
    else if (body !== undefined) req = req.send(body as object);
    const res = await req;
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(new RegExp(`(^|[ ;])${field.replace(/\./g, '\\.')}: `));
    expect(await tableSnapshot(knex)).toEqual(before);
  });
});

describe('refused by the policy', () => {
  let knex: Knex;
  let ctx: Awaited<ReturnType<typeof startRocketTestBackend>>;
  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    ctx = await startRocketTestBackend({ knex, permission: AuthorizeResult.DENY });
  });
  afterAll(() => ctx.backend.stop());

  it.each(cases.filter(([, , body]) => typeof body === 'object'))('%s %s answers 403 and writes nothing', async (method, path, body) => {
    const before = await tableSnapshot(knex);
    const res = await request(ctx.server)[method](`${api}${path}`).send(body as object);
    expect(res.status).toBe(403);
    expect(await tableSnapshot(knex)).toEqual(before);
  });
});
