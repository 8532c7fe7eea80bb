/*
 * make bench: 10,000 clusters with 30,000 servers in PostgreSQL. Prints the
 * p50 and p95 latency, through the HTTP API, of the overview summary and of
 * the first page (100 clusters with their servers), beside the same queries
 * run directly in SQL. It measures; it asserts no timing. `make test` skips it;
 * `make bench` runs it with ROCKET_BENCH=1.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { DatabaseRocketStore } from '../database/DatabaseRocketStore';
import { startRocketTestBackend } from '../__testUtils__/rocketTestBackend';

const CLUSTERS = 10_000;
const SERVERS_PER_CLUSTER = 3;
const ROUNDS = 300;
const ENVIRONMENTS = ['Dev', 'QA', 'UAT', 'Prod'];
const HEALTHS = ['up', 'up', 'up', 'up-with-issues', 'down', 'maintenance'];

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

async function seed(knex: Knex) {
  const now = new Date().toISOString();
  await knex('datacenters').insert([
    { code: 'dc1', name: 'One', sort_order: 1, created_at: now, updated_at: now },
    { code: 'dc2', name: 'Two', sort_order: 2, created_at: now, updated_at: now },
  ]);
  await knex.batchInsert(
    'applications',
    Array.from({ length: 200 }, (_, i) => ({ name: `app-${i}`, owner: `group:default/team-${i % 20}`, created_at: now, updated_at: now })),
    500,
  );
  const clusters = Array.from({ length: CLUSTERS }, (_, i) => ({
    name: `cluster-${String(i).padStart(5, '0')}`,
    dbms_type: 'postgresql',
    application_id: (i % 200) + 1,
    environment: ENVIRONMENTS[i % ENVIRONMENTS.length],
    lifecycle: 'active',
    health: HEALTHS[i % HEALTHS.length],
    read_write_port: 10000 + 2 * i,
    read_only_port: 10001 + 2 * i,
    tls: true,
    backup_retention_days: 14,
    backup_min_full_count: 2,
    mw_weekday: 'sun',
    mw_start: '02:00',
    mw_duration_minutes: 120,
    mw_time_zone: 'UTC',
    requested_cpu: 4,
    requested_ram_gb: 16,
    requested_disk_gb: 100,
    created_at: now,
    updated_at: now,
  }));
  await knex.batchInsert('clusters', clusters, 1000);
  const roles = ['primary', 'sync-replica', 'async-replica'];
  const servers = [];
  for (let c = 0; c < CLUSTERS; c++) {
    for (let s = 0; s < SERVERS_PER_CLUSTER; s++) {
      const n = c * SERVERS_PER_CLUSTER + s;
      servers.push({
        hostname: `db${n}.dc${(s % 2) + 1}.bench`,
        address: `127.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`,
        datacenter: `dc${(s % 2) + 1}`,
        environment: clusters[c].environment,
        dbms_type: 'postgresql',
        cpu: 4,
        ram_gb: 16,
        disk_gb: 100,
        cluster_id: c + 1,
        role: roles[s],
        health: 'up',
        ssh_user: 'rocket',
        ssh_port: 22,
        created_at: now,
        updated_at: now,
      });
    }
  }
  await knex.batchInsert('servers', servers, 1000);
  await knex.raw('analyze');
}

async function measure(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 20; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(ROUNDS * 0.5)], p95: times[Math.floor(ROUNDS * 0.95)] };
}

const OVERVIEW_SQL = [
  `select health as key, count(*) from clusters where lifecycle <> 'decommissioned' group by health`,
  `select environment as key, count(*) from clusters where lifecycle <> 'decommissioned' group by environment`,
  `select dbms_type as key, count(*) from clusters where lifecycle <> 'decommissioned' group by dbms_type`,
  `select count(*) from servers where cluster_id is not null`,
  `select count(*) from servers where role = 'pool' and active and cluster_id is null`,
];

async function firstPageSql(knex: Knex) {
  await knex.raw(
    `select count(*) from clusters join applications on applications.id = clusters.application_id
     join environments on environments.name = clusters.environment where clusters.lifecycle <> 'decommissioned'`,
  );
  const page = await knex.raw(
    `select clusters.*, applications.name as application_name from clusters
     join applications on applications.id = clusters.application_id
     join environments on environments.name = clusters.environment
     where clusters.lifecycle <> 'decommissioned' order by clusters.name asc limit 100`,
  );
  const ids = page.rows.map((r: { id: number }) => r.id);
  await knex.raw(
    `select servers.*, clusters.name as cluster_name from servers left join clusters on clusters.id = servers.cluster_id
     where servers.cluster_id = any(?) order by servers.datacenter, servers.hostname`,
    [ids],
  );
}

const benchOnly = process.env.ROCKET_BENCH ? describe : describe.skip;

benchOnly('bench', () => {
  it(`overview and first page with ${CLUSTERS} clusters and ${CLUSTERS * SERVERS_PER_CLUSTER} servers`, async () => {
    const knex = await databases.init('POSTGRES_15');
    await DatabaseRocketStore.migrate(knex);
    const seeded = performance.now();
    await seed(knex);
    const seedMs = performance.now() - seeded;

    const ctx = await startRocketTestBackend({ knex, demoData: false });
    const { port } = ctx.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}/api/rocket-dbaas`;
    const get = async (path: string) => {
      const res = await fetch(`${base}${path}`);
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      return res.json();
    };
    const firstPage = await get('/clusters?limit=100');
    if (firstPage.items.length !== 100 || firstPage.items[0].servers.length !== 3 || firstPage.totalCount !== CLUSTERS) {
      throw new Error('the first page is not 100 clusters with 3 servers each');
    }

    const rows = [
      ['overview summary, HTTP API', await measure(() => get('/overview'))],
      ['overview summary, direct SQL', await measure(() => Promise.all(OVERVIEW_SQL.map(sql => knex.raw(sql))))],
      ['first page (100 clusters + servers), HTTP API', await measure(() => get('/clusters?limit=100'))],
      ['first page (100 clusters + servers), direct SQL', await measure(() => firstPageSql(knex))],
    ] as const;
    await ctx.backend.stop();

    const fmt = (n: number) => `${n.toFixed(2)} ms`.padStart(10);
    const lines = [
      `Rocket bench: ${CLUSTERS} clusters, ${CLUSTERS * SERVERS_PER_CLUSTER} servers on PostgreSQL (seeded in ${(seedMs / 1000).toFixed(1)} s), ${ROUNDS} rounds each`,
      `${'query'.padEnd(50)}${'p50'.padStart(10)}${'p95'.padStart(10)}`,
      ...rows.map(([name, t]) => `${name.padEnd(50)}${fmt(t.p50)}${fmt(t.p95)}`),
      `overview p95 API/SQL: ${(rows[0][1].p95 / rows[1][1].p95).toFixed(2)}x; first page p95 API/SQL: ${(rows[2][1].p95 / rows[3][1].p95).toFixed(2)}x (goal: p95 < 50 ms and within 3x)`,
    ];
    process.stdout.write(`\n${lines.join('\n')}\n\n`);
  });
});
