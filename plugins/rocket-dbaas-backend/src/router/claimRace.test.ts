import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { startRocketTestBackend } from '../__testUtils__/rocketTestBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

describe('50 concurrent claims on a pool of 10, through two backends on one PostgreSQL', () => {
  let knexA: Knex;
  let knexB: Knex;
  let a: Awaited<ReturnType<typeof startRocketTestBackend>>;
  let b: Awaited<ReturnType<typeof startRocketTestBackend>>;

  beforeAll(async () => {
    knexA = await databases.init('POSTGRES_15');
    // a second connection pool to the same database, as a second replica would have
    knexB = knexFactory({ client: 'pg', connection: knexA.client.config.connection, pool: { min: 0, max: 10 } });
    a = await startRocketTestBackend({ knex: knexA, demoData: false });
    b = await startRocketTestBackend({ knex: knexB, demoData: false });
    await request(a.server).put('/api/rocket-dbaas/datacenters').send({ code: 'dc1', name: 'One' }).expect(200);
    await request(a.server)
      .post('/api/rocket-dbaas/pool-servers')
      .send({
        servers: Array.from({ length: 10 }, (_, i) => ({
          hostname: `race${i}.dc1.test`,
          address: `127.0.30.${i + 1}`,
          datacenter: 'dc1',
          environment: 'Prod',
          cpu: 4,
          ramGb: 16,
          diskGb: 100,
        })),
      })
      .expect(201);
  });

  afterAll(async () => {
    await a.backend.stop();
    await b.backend.stop();
    await knexB.destroy();
  });

  it('gives each server to exactly one claim and a clear 409 to the other 40', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        request((i % 2 ? a : b).server).post('/api/rocket-dbaas/pool-servers/claim').send({ count: 1, environment: 'Prod' }),
      ),
    );
    const won = responses.filter(r => r.status === 200);
    const refused = responses.filter(r => r.status === 409);
    expect(won).toHaveLength(10);
    expect(refused).toHaveLength(40);
    const hostnames = won.map(r => r.body.items[0].hostname);
    expect(new Set(hostnames).size).toBe(10);
    for (const r of refused) {
      expect(r.body.error.message).toMatch(/Could not claim 1 pool server\(s\) matching the filters: only 0 of 1 are free\. Nothing was claimed\./);
    }
    const rows = await knexA('servers').select('hostname', 'role', 'claimed_by');
    expect(rows.filter(r => r.role === 'claimed')).toHaveLength(10);
    expect(await knexA('activities').where({ type: 'PoolClaim' }).count({ n: '*' })).toEqual([{ n: '10' }]);
  });
});
