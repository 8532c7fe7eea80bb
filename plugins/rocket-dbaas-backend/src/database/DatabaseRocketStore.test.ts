import { TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import { DatabaseRocketStore } from './DatabaseRocketStore';
import { NewServer } from './RocketStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const poolServer = (n: number, overrides: Partial<NewServer> = {}): NewServer => ({
  hostname: `pool${n}.dc1.test`,
  address: `127.0.30.${n}`,
  datacenter: 'dc1',
  environment: 'Prod',
  dbmsType: 'postgresql',
  cpu: 4,
  ramGb: 16,
  diskGb: 100,
  role: 'pool',
  health: 'up',
  sshUser: 'rocket',
  sshPort: 22,
  ...overrides,
});

const newCluster = (name: string, applicationId: number) => ({
  name,
  dbmsType: 'postgresql' as const,
  applicationId,
  environment: 'Prod' as const,
  lifecycle: 'active' as const,
  health: 'up' as const,
  tls: true,
  backupRetention: { days: 7, minFullCount: 2 },
  maintenanceWindow: { weekday: 'sun' as const, start: '02:00', durationMinutes: 60, timeZone: 'UTC' },
  requested: { cpu: 4, ramGb: 16, diskGb: 100 },
});

describe.each(databases.eachSupportedId())('DatabaseRocketStore on %s', databaseId => {
  let knex: Knex;
  let store: DatabaseRocketStore;
  let appId: number;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await DatabaseRocketStore.migrate(knex);
    store = new DatabaseRocketStore(knex);
    await store.reference.upsertDatacenter({ code: 'dc1', name: 'One', sortOrder: 1 });
    await store.reference.upsertDatacenter({ code: 'dc2', name: 'Two', sortOrder: 2 });
    appId = await store.directory.insertApplication({ name: 'shop', owner: 'group:default/shop' });
  });

  afterEach(async () => {
    await knex('activities').delete();
    await knex('ports').delete();
    await knex('servers').delete();
    await knex('notes').delete();
    await knex('clusters').delete();
  });

  it('migrates down and up again', async () => {
    const dir = require('path').resolve(__dirname, '../../migrations');
    await knex.migrate.rollback({ directory: dir }, true);
    expect(await knex.schema.hasTable('clusters')).toBe(false);
    await knex.migrate.latest({ directory: dir });
    expect(await knex.schema.hasTable('clusters')).toBe(true);
    expect((await store.reference.environments()).map(e => e.name)).toEqual(['Sbx', 'Dev', 'QA', 'UAT', 'Prod']);
    await store.reference.upsertDatacenter({ code: 'dc1', name: 'One', sortOrder: 1 });
    await store.reference.upsertDatacenter({ code: 'dc2', name: 'Two', sortOrder: 2 });
    appId = await store.directory.insertApplication({ name: 'shop', owner: 'group:default/shop' });
  });

  it('rejects values outside the enumerations', async () => {
    // better-sqlite3's errors come from the realm that first loaded the native module, so
    // jest's instanceof-based toThrow can miss them: compare the message instead.
    const error = await store.servers.insertMany([poolServer(1, { role: 'boss' as any })]).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(String(error?.message)).toMatch(/CHECK constraint failed|violates check constraint/);
    expect((await store.servers.list({ limit: 10, offset: 0 })).totalCount).toBe(0);

    // the activity types that later migrations added are allowed, others are not
    await store.activities.insert({ type: 'HostKeyMismatch', status: 'failed', actor: 'a' });
    const badType = await store.activities.insert({ type: 'Bogus' as any, status: 'info', actor: 'a' }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(String(badType?.message)).toMatch(/CHECK constraint failed|violates check constraint/);
  });

  it('lists clusters with their servers, filtered, sorted and paged', async () => {
    for (const name of ['alpha-db', 'beta-db']) {
      const id = await store.clusters.insert(newCluster(name, appId));
      await store.servers.insertMany([
        poolServer(id * 10 + 1, { clusterId: id, role: 'primary' }),
        poolServer(id * 10 + 2, { clusterId: id, role: 'async-replica', datacenter: 'dc2' }),
      ]);
    }
    const page = await store.clusters.list({ limit: 1, offset: 1, sort: 'name', order: 'desc' });
    expect(page.totalCount).toBe(2);
    expect(page.items.map(c => c.name)).toEqual(['alpha-db']);
    expect(page.items[0].servers.map(s => s.role)).toEqual(['primary', 'async-replica']);
    expect(page.items[0].serverCount).toBe(2);

    expect((await store.clusters.list({ q: 'BETA', limit: 10, offset: 0, sort: 'name', order: 'asc' })).items.map(c => c.name)).toEqual(['beta-db']);
    // % is text, not a wildcard
    expect((await store.clusters.list({ q: '%', limit: 10, offset: 0, sort: 'name', order: 'asc' })).totalCount).toBe(0);
    expect((await store.clusters.list({ application: 'shop', health: 'down', limit: 10, offset: 0, sort: 'name', order: 'asc' })).totalCount).toBe(0);
  });

  it('applies an update only at the expected version', async () => {
    const id = await store.clusters.insert(newCluster('versioned', appId));
    expect(await store.clusters.update(id, { health: 'down' }, 1)).toBe(true);
    expect(await store.clusters.update(id, { health: 'up' }, 1)).toBe(false);
    const cluster = await store.clusters.get('versioned');
    expect(cluster).toMatchObject({ health: 'down', version: 2 });
  });

  it('claims all requested pool servers or none', async () => {
    await store.servers.insertMany([1, 2, 3].map(n => poolServer(n)));
    await expect(store.servers.claim({ count: 4, claimedBy: 'user:default/a' })).rejects.toThrow(ConflictError);
    expect((await store.servers.list({ role: 'pool', limit: 10, offset: 0 })).totalCount).toBe(3);

    await expect(
      store.servers.claim({ hostnames: ['pool1.dc1.test', 'pool9.dc1.test'], claimedBy: 'user:default/a' }),
    ).rejects.toThrow(/only 1 of 2/);
    expect((await store.servers.list({ role: 'pool', limit: 10, offset: 0 })).totalCount).toBe(3);

    const claimed = await store.servers.claim({ count: 2, ramGb: 16, claimedBy: 'user:default/a' });
    expect(claimed.map(s => s.role)).toEqual(['claimed', 'claimed']);
    await expect(store.servers.claim({ count: 1, cpu: 8, claimedBy: 'user:default/a' })).rejects.toThrow(ConflictError);
  });

  it('never gives one pool server to two concurrent claims', async () => {
    await store.servers.insertMany([1, 2, 3, 4, 5].map(n => poolServer(n)));
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => store.servers.claim({ count: 1, claimedBy: `user:default/u${i}` })),
    );
    const won = results.filter(r => r.status === 'fulfilled') as PromiseFulfilledResult<any[]>[];
    expect(won).toHaveLength(5);
    expect(new Set(won.map(r => r.value[0].hostname)).size).toBe(5);
    expect(results.filter(r => r.status === 'rejected').every(r => (r as PromiseRejectedResult).reason instanceof ConflictError)).toBe(true);
  });

  it('allocates distinct port pairs, even concurrently, and frees them', async () => {
    await store.ports.ensureRange(7000, 7009);
    await store.ports.ensureRange(7000, 7009);
    const ids = await Promise.all(['p1', 'p2', 'p3', 'p4'].map(n => store.clusters.insert(newCluster(`ports-${n}`, appId))));
    const pairs = await Promise.all(ids.map(id => store.ports.allocatePair(id)));
    expect(new Set(pairs.flat()).size).toBe(8);
    expect(pairs.flat().every(p => p >= 7000 && p <= 7009)).toBe(true);
    const extra = await store.clusters.insert(newCluster('ports-p5', appId));
    await store.ports.allocatePair(extra);
    const last = await store.clusters.insert(newCluster('ports-p6', appId));
    await expect(store.ports.allocatePair(last)).rejects.toThrow(/No free ports/);
    await store.ports.freeForCluster(ids[0]);
    expect((await store.ports.list({ status: 'free', limit: 100, offset: 0 })).totalCount).toBe(2);
  });

  it('keeps contacts, their expiry and their links to applications', async () => {
    const id = await store.directory.insertContact({ name: 'Ann', type: 'person', email: 'ann@example.com' });
    await store.directory.linkContact(appId, id, { role: 'owner', notify: ['outages'], active: true });
    await store.directory.linkContact(appId, id, { role: 'primary', notify: ['outages', 'patching'], active: true });
    expect(await store.directory.listApplicationContacts(appId)).toEqual([
      expect.objectContaining({ name: 'Ann', role: 'primary', notify: ['outages', 'patching'], application: 'shop', active: true }),
    ]);
    await store.directory.updateContact(id, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect((await store.directory.getContact(id))!.active).toBe(false);
    expect((await store.directory.listContacts({ limit: 10, offset: 0 })).items.some(c => c.id === id)).toBe(false);
    expect((await store.directory.listContacts({ includeExpired: true, limit: 10, offset: 0 })).items.some(c => c.id === id)).toBe(true);
    expect(await store.directory.unlinkContact(appId, id)).toBe(true);
    expect(await store.directory.unlinkContact(appId, id)).toBe(false);
  });

  it('counts the overview and keeps the activity log newest first', async () => {
    const id = await store.clusters.insert(newCluster('counted', appId));
    await store.servers.insertMany([poolServer(1, { clusterId: id, role: 'primary' }), poolServer(2)]);
    await store.activities.insert({ clusterId: id, dbmsType: 'postgresql', type: 'Create', status: 'succeeded', actor: 'a', startedAt: '2026-01-01T00:00:00.000Z' });
    await store.activities.insert({ clusterId: id, dbmsType: 'postgresql', type: 'Failover', planned: false, status: 'info', actor: 'a', startedAt: '2026-02-01T00:00:00.000Z' });
    expect(await store.clusters.counts()).toEqual({
      clusters: 1,
      servers: 1,
      freePoolServers: 1,
      byHealth: { up: 1 },
      byEnvironment: { Prod: 1 },
      byDbmsType: { postgresql: 1 },
    });
    const log = await store.activities.list({ clusterId: id, limit: 10, offset: 0 });
    expect(log.items.map(a => [a.type, a.cluster, a.planned])).toEqual([['Failover', 'counted', false], ['Create', 'counted', true]]);
  });

  it('rolls back every write of a failed transaction', async () => {
    await expect(
      store.transaction(async tx => {
        await tx.clusters.insert(newCluster('rolled-back', appId));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.clusters.get('rolled-back')).toBeUndefined();
  });
});
