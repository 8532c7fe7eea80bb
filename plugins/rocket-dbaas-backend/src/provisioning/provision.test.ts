import { TestDatabases } from '@backstage/backend-test-utils';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { RocketTestBackend, startRocketTestBackend } from '../__testUtils__/rocketTestBackend';
import { clusterPasswords } from './clusterPasswords';

jest.setTimeout(600_000);

const api = '/api/rocket-dbaas';
const repo = path.resolve(__dirname, '../../../..');
// a lab of its own on 127.0.12.x, beside any lab `make lab` runs
const labRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'rocket-provision-lab-'));
const env = { ...process.env, ROCKET_LAB_ROOT: labRoot, ROCKET_LAB_NETWORK: '127.0.12' };
const lab = (...args: string[]) => execFileSync('bash', [path.join(repo, 'scripts/lab.sh'), ...args], { env, encoding: 'utf8' });
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function until<T>(what: string, probe: () => Promise<T | undefined>, seconds: number): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 1000));
  }
}

async function query(port: number, address: string, password: string, sql: string) {
  const client = new Client({ host: address, port, user: 'postgres', password, database: 'postgres', connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('provisioning a cluster on the lab through the API', () => {
  let ctx: RocketTestBackend;
  let hosts: Array<{ hostname: string; address: string; root: string }>;

  beforeAll(async () => {
    lab('up', '4');
    hosts = JSON.parse(fs.readFileSync(path.join(labRoot, 'inventory.json'), 'utf8'));
    const knex = await databases.init('SQLITE_3');
    ctx = await startRocketTestBackend({
      knex,
      demoData: false,
      realScheduler: true,
      rocketConfig: {
        ssh: { privateKeyPath: path.join(labRoot, 'lab_ed25519') },
        lab: { inventoryPath: path.join(labRoot, 'inventory.json'), environment: 'Dev' },
        provisioning: { ansibleDir: path.join(repo, 'ansible'), passwordSeedPath: path.join(labRoot, 'password_seed') },
      },
    });
    await request(ctx.server).post(`${api}/applications`).send({ name: 'shop', owner: 'group:default/shop-team' }).expect(201);
    await until('the lab servers in the pool', async () => {
      const pool = await request(ctx.server).get(`${api}/pool-servers?environment=Dev`);
      return pool.body.totalCount === 4 ? true : undefined;
    }, 60);
  });

  afterAll(async () => {
    await ctx?.backend.stop();
    lab('down');
  });

  const create = (name: string, servers: string[]) =>
    request(ctx.server)
      .post(`${api}/clusters`)
      .send({ name, dbmsType: 'postgresql', application: 'shop', environment: 'Dev', requested: { cpu: 1, ramGb: 1, diskGb: 1 }, servers, provision: true })
      .expect(201);

  const settled = async (name: string) => {
    try {
      return await until(`${name} to settle`, async () => {
        const { body } = await request(ctx.server).get(`${api}/clusters/${name}`);
        return body.lifecycle === 'active' || body.lifecycle === 'failed' ? body : undefined;
      }, 240);
    } catch (error) {
      const ops = await request(ctx.server).get(`${api}/clusters/${name}/operations`);
      throw new Error(`${error}; operations: ${JSON.stringify(ops.body).slice(-3000)}`);
    }
  };

  it('builds a 3-node Patroni cluster whose read-write port takes writes and read-only port answers from a replica', async () => {
    const created = await create('labshop', hosts.slice(0, 3).map(h => h.hostname));
    expect(created.body).toMatchObject({ lifecycle: 'provisioning', health: 'configuring' });
    const cluster = await settled('labshop');
    const ops = await request(ctx.server).get(`${api}/clusters/labshop/operations`).expect(200);
    expect(ops.body.items[0].log).toContain('PLAY RECAP');
    expect(cluster).toMatchObject({ lifecycle: 'active', health: 'up' });
    expect(cluster.servers.map((s: any) => s.role).sort()).toEqual(['async-replica', 'async-replica', 'primary']);
    expect(cluster.servers.every((s: any) => /^PostgreSQL 15\./.test(s.dbVersion))).toBe(true);
    expect(ops.body.items[0]).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect(ops.body.items[0].log).not.toContain(clusterPasswords(fs.readFileSync(path.join(labRoot, 'password_seed'), 'utf8').trim(), 'labshop').superuser);

    const { superuser } = clusterPasswords(fs.readFileSync(path.join(labRoot, 'password_seed'), 'utf8').trim(), 'labshop');
    const entry = hosts[0].address;
    await query(cluster.readWritePort, entry, superuser, 'create table if not exists probe (x int)');
    const written = await query(cluster.readWritePort, entry, superuser, "insert into probe values (42) returning pg_is_in_recovery() as replica");
    expect(written).toEqual([{ replica: false }]);
    // replication is asynchronous: the replica may not have replayed the table yet
    const read = await until('the write on a replica', async () => {
      const rows = await query(cluster.readOnlyPort, entry, superuser, 'select pg_is_in_recovery() as replica, count(*)::int as n from probe').catch(
        () => undefined,
      );
      return rows?.[0].n === 1 ? rows : undefined;
    }, 30);
    expect(read).toEqual([{ replica: true, n: 1 }]);
  });

  it('fails a provisioning whose server cannot be reached, keeps its log and puts the servers back', async () => {
    const victim = hosts[3];
    execFileSync('kill', [fs.readFileSync(path.join(victim.root, 'run/sshd.pid'), 'utf8').trim()]);
    await create('labbroken', [victim.hostname]);
    const cluster = await settled('labbroken');
    expect(cluster).toMatchObject({ lifecycle: 'failed', health: 'down', readWritePort: null, servers: [] });
    const ops = await request(ctx.server).get(`${api}/clusters/labbroken/operations`).expect(200);
    expect(ops.body.items[0].status).toBe('failed');
    expect(ops.body.items[0].log).toMatch(/UNREACHABLE|Connection refused/);
    const server = await request(ctx.server).get(`${api}/servers/${victim.hostname}`).expect(200);
    expect(server.body).toMatchObject({ role: 'pool', cluster: null });
  });
});
