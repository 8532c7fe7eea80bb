import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { RocketTestBackend, startRocketTestBackend } from '../__testUtils__/rocketTestBackend';
import { clusterPasswords } from './clusterPasswords';
import { rekeyLabServer } from '../__testUtils__/rekeyLabServer';

jest.setTimeout(600_000);

const api = '/api/rocket-dbaas';
const repo = path.resolve(__dirname, '../../../..');
// a lab of its own on 127.0.12.x, beside any lab `make lab` runs
const labRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'rocket-provision-lab-'));
const env = { ...process.env, ROCKET_LAB_ROOT: labRoot, ROCKET_LAB_NETWORK: '127.0.12' };
const lab = (...args: string[]) => execFileSync('bash', [path.join(repo, 'scripts/lab.sh'), ...args], { env, encoding: 'utf8' });
// PostgreSQL: a second backend on the same database takes over in the restart test
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

async function until<T>(what: string, probe: () => Promise<T | undefined>, seconds: number): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 1000));
  }
}

/** A query through a cluster's port; TLS (the clusters' default) with the servers' self-signed certificates. */
async function query(port: number, address: string, password: string, sql: string, tls = true) {
  const client = new Client({
    host: address,
    port,
    user: 'postgres',
    password,
    database: 'postgres',
    connectionTimeoutMillis: 5000,
    ssl: tls ? { rejectUnauthorized: false } : false,
  });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('provisioning a cluster on the lab through the API', () => {
  let ctx: RocketTestBackend;
  let knex: Knex;
  const extraKnexes: Knex[] = [];
  let hosts: Array<{ hostname: string; address: string; root: string }>;
  const auditor = mockServices.auditor.mock();

  /** A Rocket backend on the test database, as one replica of a deployment. */
  const startBackend = (db: Knex) =>
    startRocketTestBackend({
      knex: db,
      demoData: false,
      realScheduler: true,
      auditor,
      rocketConfig: {
        ssh: { privateKeyPath: path.join(labRoot, 'lab_ed25519') },
        lab: { inventoryPath: path.join(labRoot, 'inventory.json'), environment: 'Dev' },
        provisioning: { ansibleDir: path.join(repo, 'ansible'), passwordSeedPath: path.join(labRoot, 'password_seed') },
      },
    });

  beforeAll(async () => {
    lab('up', '6');
    hosts = JSON.parse(fs.readFileSync(path.join(labRoot, 'inventory.json'), 'utf8'));
    knex = await databases.init('POSTGRES_15');
    ctx = await startBackend(knex);
    await request(ctx.server).post(`${api}/applications`).send({ name: 'shop', owner: 'group:default/shop-team' }).expect(201);
    await until('the lab servers in the pool', async () => {
      const pool = await request(ctx.server).get(`${api}/pool-servers?environment=Dev`);
      return pool.body.totalCount === 6 ? true : undefined;
    }, 60);
  });

  afterAll(async () => {
    await ctx?.backend.stop();
    await Promise.all(extraKnexes.map(k => k.destroy()));
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
    // the cluster asked for TLS: connections are encrypted, and plain ones are refused
    expect(await query(cluster.readWritePort, entry, superuser, 'select ssl from pg_stat_ssl where pid = pg_backend_pid()')).toEqual([{ ssl: true }]);
    await expect(query(cluster.readWritePort, entry, superuser, 'select 1', false)).rejects.toThrow(/no encryption/);
    // and a password is a password, from every address (initdb's trust lines are gone)
    await expect(query(cluster.readWritePort, entry, 'not-the-password', 'select 1')).rejects.toThrow(/password authentication failed/);
    // replication is asynchronous: the replica may not have replayed the table yet
    const read = await until('the write on a replica', async () => {
      const rows = await query(cluster.readOnlyPort, entry, superuser, 'select pg_is_in_recovery() as replica, count(*)::int as n from probe').catch(
        () => undefined,
      );
      return rows?.[0].n === 1 ? rows : undefined;
    }, 30);
    expect(read).toEqual([{ replica: true, n: 1 }]);

    // the lab supervises its daemons: an HAProxy that dies is started again
    const haproxy = () => spawnSync('pgrep', ['-f', `^/usr/sbin/haproxy -db -f ${hosts[0].root}/etc/haproxy/labshop.cfg$`], { encoding: 'utf8' }).stdout.trim();
    const killed = haproxy();
    expect(killed).toMatch(/^\d+$/);
    execFileSync('kill', ['-9', killed]);
    const restarted = await until('HAProxy to be started again', async () => (haproxy() && haproxy() !== killed ? haproxy() : undefined), 30);
    expect(restarted).not.toBe(killed);
    expect(await until('the read-write port', () => query(cluster.readWritePort, entry, superuser, 'select count(*)::int as n from probe').catch(() => undefined), 30)).toEqual([{ n: 1 }]);

    // a member whose processes all died (a reboot, as far as the lab goes) comes back with `make lab`
    const member = hosts[2];
    const processes = () => spawnSync('pgrep', ['-f', `${member.root}/(usr/local/bin/rocket-supervise|var/lib|etc/(patroni|haproxy))`], { encoding: 'utf8' }).stdout.trim();
    execFileSync('sh', ['-c', `kill -9 ${processes().split('\n').join(' ')}`]);
    await until('the member to be down', async () => (processes() === '' ? true : undefined), 30);
    lab('up', '6');
    const health = await until('Patroni on the member', async () => {
      const res = await fetch(`http://${member.address}:8008/health`).catch(() => undefined);
      return res?.ok ? ((await res.json()) as { state: string }) : undefined;
    }, 120);
    expect(health.state).toBe('running');
  });

  it('fails a provisioning whose server cannot be reached, keeps its log and puts the servers back', async () => {
    const victim = hosts[3];
    execFileSync('kill', [fs.readFileSync(path.join(victim.root, 'run/sshd.pid'), 'utf8').trim()]);
    await create('labbroken', [victim.hostname]);
    const cluster = await settled('labbroken');
    expect(cluster).toMatchObject({ lifecycle: 'failed', health: 'down', readWritePort: null, servers: [] });
    const ops = await request(ctx.server).get(`${api}/clusters/labbroken/operations`).expect(200);
    expect(ops.body.items[0].status).toBe('failed');
    // the check before the playbook finds it: nothing runs anywhere
    expect(ops.body.items[0].log).toMatch(/ECONNREFUSED|Connection refused/);
    expect(ops.body.items[0].error).toMatch(/^nothing was run/);
    expect(ops.body.items[0].log).not.toContain('PLAY [');
    const server = await request(ctx.server).get(`${api}/servers/${victim.hostname}`).expect(200);
    expect(server.body).toMatchObject({ role: 'pool', cluster: null });
  });

  it('undoes a playbook that failed midway, so its servers go back to the pool clean', async () => {
    const [healthy, blocked] = [hosts[4], hosts[5]];
    // a file where Patroni's configuration folder goes: the playbook fails after etcd started on both
    const obstacle = path.join(blocked.root, 'etc/patroni');
    fs.writeFileSync(obstacle, 'in the way\n');
    try {
      await create('labhalf', [healthy.hostname, blocked.hostname]);
      const cluster = await settled('labhalf');
      expect(cluster).toMatchObject({ lifecycle: 'failed', servers: [] });
      const ops = await request(ctx.server).get(`${api}/clusters/labhalf/operations`).expect(200);
      const log: string = ops.body.items[0].log;
      expect(log).toMatch(/etcd-labhalf runs \(lab\)[\s\S]*(fatal|failed): \[lab06[\s\S]*PLAY \[Release a cluster's servers\][\s\S]*PLAY RECAP/);
      expect(ops.body.items[0].error).toMatch(/^ansible-playbook exited with \d+$/);
      for (const h of [healthy, blocked]) {
        expect(fs.existsSync(path.join(h.root, 'run/etcd-labhalf.pid'))).toBe(false);
        expect(fs.existsSync(path.join(h.root, 'var/lib/etcd/labhalf'))).toBe(false);
      }
      expect(spawnSync('pgrep', ['-af', 'labhalf'], { encoding: 'utf8' }).stdout).toBe('');
    } finally {
      fs.rmSync(obstacle);
    }
  });

  it('hands a provisioning back when its backend stops, and the next backend finishes it', async () => {
    await create('labrestart', [hosts[4].hostname]);
    await until('the playbook to be running', async () => {
      const ops = await request(ctx.server).get(`${api}/clusters/labrestart/operations`);
      return ops.body.items?.[0]?.status === 'running' && /TASK \[/.test(ops.body.items[0].log) ? true : undefined;
    }, 120);
    await ctx.backend.stop();
    const [handedBack] = await knex('operations').where({ target: 'labrestart' });
    expect(handedBack).toMatchObject({ status: 'queued', lease_owner: null, attempts: 0 });
    expect(handedBack.log).toMatch(/stopped during attempt 1; handed back for the next backend to resume/);

    // the next replica: its own connection pool to the same database
    const next = knexFactory({ client: 'pg', connection: knex.client.config.connection, pool: { min: 0, max: 10 } });
    extraKnexes.push(next);
    ctx = await startBackend(next);
    const cluster = await settled('labrestart');
    expect(cluster).toMatchObject({ lifecycle: 'active', health: 'up', servers: [expect.objectContaining({ role: 'primary' })] });
    const ops = await request(ctx.server).get(`${api}/clusters/labrestart/operations`).expect(200);
    expect(ops.body.items).toHaveLength(1);
    expect(ops.body.items[0]).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect(ops.body.items[0].log).toMatch(/handed back[\s\S]*attempt 1 of 2 by [\s\S]*PLAY RECAP[\s\S]*\[rocket\] succeeded/);
  });

  it('retries a failed provisioning on the servers it names, once they answer again', async () => {
    const victim = hosts[3];
    await request(ctx.server).post(`${api}/clusters/labbroken/provision`).send({}).expect(400);
    lab('up', '6'); // starts the stopped sshd again, changes nothing else
    const retried = await request(ctx.server).post(`${api}/clusters/labbroken/provision`).send({ servers: [victim.hostname] }).expect(202);
    expect(retried.body).toMatchObject({ lifecycle: 'provisioning', servers: [expect.objectContaining({ hostname: victim.hostname })] });
    expect(retried.body.readWritePort).toEqual(expect.any(Number));
    await request(ctx.server).post(`${api}/clusters/labbroken/provision`).send({}).expect(409);
    const cluster = await settled('labbroken');
    expect(cluster).toMatchObject({ lifecycle: 'active', health: 'up' });
    const ops = await request(ctx.server).get(`${api}/clusters/labbroken/operations`).expect(200);
    expect(ops.body.items.map((o: any) => o.status)).toEqual(['succeeded', 'failed']);
    const log = await request(ctx.server).get(`${api}/clusters/labbroken/activities`).expect(200);
    expect(log.body.items.map((a: any) => `${a.type}/${a.status}`)).toEqual(
      expect.arrayContaining(['Create/failed', 'Create/started', 'Create/succeeded']),
    );
  });

  it('refuses a server whose host key changed: nothing runs, and the refusal is on the server and in the audit log', async () => {
    const victim = hosts[5];
    await rekeyLabServer(victim);

    await create('labkey', [victim.hostname]);
    const cluster = await settled('labkey');
    expect(cluster).toMatchObject({ lifecycle: 'failed', servers: [] });
    const ops = await request(ctx.server).get(`${api}/clusters/labkey/operations`).expect(200);
    expect(ops.body.items[0].error).toMatch(/^nothing was run.*not the pinned/);
    expect(ops.body.items[0].log).not.toContain('PLAY [');
    const server = await request(ctx.server).get(`${api}/servers/${victim.hostname}`).expect(200);
    expect(server.body.hostKeyMismatchAt).not.toBeNull();
    const activities = await request(ctx.server).get(`${api}/servers/${victim.hostname}/activities`).expect(200);
    expect(activities.body.items.map((a: any) => a.type)).toContain('HostKeyMismatch');
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'ssh-host-key-refused', meta: expect.objectContaining({ hostname: victim.hostname }) }),
    );
  });
});
