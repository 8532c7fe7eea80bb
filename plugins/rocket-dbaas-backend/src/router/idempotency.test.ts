import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import { startRocketTestBackend } from '../__testUtils__/rocketTestBackend';
import { tableSnapshot } from '../__testUtils__/tableSnapshot';
import { validIntakeBody } from '../__testUtils__/intakeFixtures';

jest.setTimeout(60_000);

const api = '/api/rocket-dbaas';
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const cluster = (name: string, servers?: string[]) => ({
  name,
  dbmsType: 'postgresql',
  application: 'payments',
  environment: 'Prod',
  requested: { cpu: 2, ramGb: 8, diskGb: 100 },
  ...(servers ? { servers } : {}),
});

describe.each(databases.eachSupportedId())('an Idempotency-Key on POST /clusters and POST /intake, on %s', databaseId => {
  let knex: Knex;
  let ctx: Awaited<ReturnType<typeof startRocketTestBackend>>;
  beforeAll(async () => {
    knex = await databases.init(databaseId);
    ctx = await startRocketTestBackend({ knex });
  });
  afterAll(() => ctx.backend.stop());

  const post = (body: object, key?: string) => {
    const req = request(ctx.server).post(`${api}/clusters`);
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };
  const count = async (table: string) => Number((await knex(table).count({ n: '*' }))[0].n);

  it('answers a retry with the first answer and creates one cluster, one claim and one port pair', async () => {
    const body = cluster('retried-db', ['pool05.dc1.example.com', 'pool06.dc2.example.com']);
    const first = await post(body, 'task-1').expect(201);
    const [clusters, activities] = [await count('clusters'), await count('activities')];
    const second = await post(JSON.parse(JSON.stringify(body)), 'task-1').expect(201);
    expect(second.body.id).toBe(first.body.id);
    expect([second.body.readWritePort, second.body.readOnlyPort]).toEqual([first.body.readWritePort, first.body.readOnlyPort]);
    expect([await count('clusters'), await count('activities')]).toEqual([clusters, activities]);
  });

  it('answers 422 to the same key with another body, and writes nothing', async () => {
    await post(cluster('keyed-db'), 'task-2').expect(201);
    const before = await tableSnapshot(knex);
    const other = await post(cluster('other-db'), 'task-2').expect(422);
    expect(other.body.error.message).toMatch(/Idempotency-Key task-2 was used before with another body/);
    expect(await tableSnapshot(knex)).toEqual(before);
  });

  it('gives concurrent twins one cluster and the same answer', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(cluster('twin-db'), 'task-3')));
    expect(answers.map(a => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map(a => a.body.id)).size).toBe(1);
    expect(Number((await knex('clusters').where({ name: 'twin-db' }).count({ n: '*' }))[0].n)).toBe(1);
    expect(Number((await knex('ports').where({ status: 'used', cluster_id: answers[0].body.id }).count({ n: '*' }))[0].n)).toBe(2);
  });

  it('treats a new key as a new request', async () => {
    const body = cluster('fresh-db');
    await post(body, 'task-4').expect(201);
    const again = await post(body, 'task-5').expect(409);
    expect(again.body.error.message).toMatch(/already exists/);
  });

  it('refuses a key that cannot be one, naming the header', async () => {
    const res = await post(cluster('bad-key-db'), 'a b;c').expect(400);
    expect(res.body.error.message).toMatch(/idempotency-key: /);
    await request(ctx.server).get(`${api}/clusters/bad-key-db`).expect(404);
  });

  const submit = (body: object, key: string) => request(ctx.server).post(`${api}/intake`).set('Idempotency-Key', key).send(body);
  const requests = () => count('intake_requests');

  it('files one request for a retried or concurrent submission, and refuses the key with another body', async () => {
    const answers = await Promise.all(Array.from({ length: 4 }, () => submit(validIntakeBody(), 'scaffolder-t1-intake')));
    expect(answers.map(a => a.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(answers.map(a => a.body.id)).size).toBe(1);
    expect(await requests()).toBe(1);
    const retried = await submit(validIntakeBody(), 'scaffolder-t1-intake').expect(201);
    expect(retried.body.id).toBe(answers[0].body.id);

    const before = await tableSnapshot(knex);
    await submit({ ...validIntakeBody(), costCentre: 'CC-9' }, 'scaffolder-t1-intake').expect(422);
    expect(await tableSnapshot(knex)).toEqual(before);
    await submit(validIntakeBody(), 'scaffolder-t2-intake').expect(201);
    expect(await requests()).toBe(2);
  });
});
