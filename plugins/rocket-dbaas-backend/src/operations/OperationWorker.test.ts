import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { DatabaseRocketStore } from '../database/DatabaseRocketStore';
import { OperationHandler, OperationWorker } from './OperationWorker';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())('OperationWorker on %s', databaseId => {
  let knex: Knex;
  let store: DatabaseRocketStore;
  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await DatabaseRocketStore.migrate(knex);
    store = new DatabaseRocketStore(knex);
  });
  afterEach(() => knex('operations').delete());

  const recording = (runs: string[], failures: string[] = []): OperationHandler => ({
    async run(op, log) {
      runs.push(`${op.target}#${op.attempts}`);
      log(`working on ${op.target}`);
      await new Promise(r => setTimeout(r, 20));
      if (op.payload.fail) throw new Error('boom');
    },
    async onFailure(op, reason) {
      failures.push(`${op.target}: ${reason}`);
    },
  });

  // SQLite is one file with one writer: the race is Postgres's, and only there is it a test
  if (databaseId === 'POSTGRES_15') {
    it('runs every operation once, with two backends racing for them', async () => {
      const second = knexFactory({ client: 'pg', connection: knex.client.config.connection, pool: { min: 0, max: 5 } });
      try {
        for (let i = 0; i < 10; i++) await store.operations.create({ type: 'test', target: `t${i}`, payload: {}, requestedBy: 'test' });
        const runs: string[] = [];
        const a = new OperationWorker(store, { test: recording(runs) }, mockServices.logger.mock(), { owner: 'a' });
        const b = new OperationWorker(new DatabaseRocketStore(second), { test: recording(runs) }, mockServices.logger.mock(), { owner: 'b' });
        for (let round = 0; round < 10; round++) await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
        await Promise.all([a.drain(), b.drain()]);
        expect(runs.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `t${i}#1`).sort());
        const rows = await knex('operations').select('status', 'lease_owner');
        expect(rows.every(r => r.status === 'succeeded' && r.lease_owner === null)).toBe(true);
      } finally {
        await second.destroy();
      }
    });
  }

  it('keeps the log, fails with the reason and calls the clean-up', async () => {
    const id = await store.operations.create({ type: 'test', target: 'bad', payload: { fail: true }, requestedBy: 'test', maxAttempts: 1 });
    const runs: string[] = [];
    const failures: string[] = [];
    const worker = new OperationWorker(store, { test: recording(runs, failures) }, mockServices.logger.mock());
    expect(await worker.tick()).toBe(true);
    await worker.drain();
    const op = await store.operations.get(id);
    expect(op).toMatchObject({ status: 'failed', error: 'boom', attempts: 1 });
    expect(op!.log).toContain('working on bad');
    expect(op!.log).toContain('[rocket] failed: boom');
    expect(failures).toEqual(['bad: boom']);
  });

  it("takes over a dead backend's operation after its lease, and refuses the dead one's late writes", async () => {
    const id = await store.operations.create({ type: 'test', target: 'orphan', payload: {}, requestedBy: 'test' });
    const dead = await store.operations.claimNext('dead', 1, ['test']);
    expect(dead).toBeDefined();
    await new Promise(r => setTimeout(r, 20));
    const runs: string[] = [];
    const worker = new OperationWorker(store, { test: recording(runs) }, mockServices.logger.mock(), { owner: 'alive' });
    expect(await worker.tick()).toBe(true);
    await worker.drain();
    expect(runs).toEqual(['orphan#2']);
    expect(await store.operations.finish(dead!.lease, { status: 'failed', log: 'late', error: 'late' })).toBe(false);
    expect(await store.operations.heartbeat(dead!.lease, 1000, 'late')).toBe(false);
    expect(await store.operations.get(id)).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('fails an operation whose attempts ran out with dying backends, and cleans up', async () => {
    const id = await store.operations.create({ type: 'test', target: 'cursed', payload: {}, requestedBy: 'test', maxAttempts: 1 });
    await store.operations.claimNext('dead', 1, ['test']);
    await new Promise(r => setTimeout(r, 20));
    const runs: string[] = [];
    const failures: string[] = [];
    const worker = new OperationWorker(store, { test: recording(runs, failures) }, mockServices.logger.mock());
    await worker.tick();
    await worker.drain();
    expect(runs).toEqual([]);
    expect(await store.operations.get(id)).toMatchObject({ status: 'failed' });
    expect(failures[0]).toMatch(/cursed: gave up after 1 attempts/);
  });

  const untilAborted = (log: (text: string) => void, signal: AbortSignal, onAbort: () => void) =>
    new Promise<void>((resolve, reject) => {
      log('started the long part');
      const done = setTimeout(resolve, 30_000);
      signal.addEventListener('abort', () => {
        clearTimeout(done);
        onAbort();
        reject(new Error('stopped'));
      });
    });

  it('stops the work when another backend took its lease over, and writes nothing', async () => {
    const id = await store.operations.create({ type: 'test', target: 'usurped', payload: {}, requestedBy: 'test' });
    let aborted = false;
    const failures: string[] = [];
    const slow: OperationHandler = {
      run: (_op, log, signal) => untilAborted(log, signal, () => (aborted = true)),
      async onFailure(_op, reason) {
        failures.push(reason);
      },
    };
    const worker = new OperationWorker(store, { test: slow }, mockServices.logger.mock(), { owner: 'old', leaseMs: 600 });
    expect(await worker.tick()).toBe(true);
    // what a takeover after an expired lease leaves in the row
    await knex('operations').where({ id }).update({ lease_owner: 'new', lease_epoch: knex.raw('lease_epoch + 1') });
    await worker.drain();
    expect(aborted).toBe(true);
    expect(failures).toEqual([]);
    expect(await store.operations.get(id)).toMatchObject({ status: 'running', leaseOwner: 'new' });
  });

  it('hands its operation back when it stops, without spending an attempt, and the next backend resumes it', async () => {
    const id = await store.operations.create({ type: 'test', target: 'long', payload: {}, requestedBy: 'test', maxAttempts: 1 });
    let aborted = false;
    const slow: OperationHandler = {
      run: (_op, log, signal) => untilAborted(log, signal, () => (aborted = true)),
      async onFailure() {
        throw new Error('a hand-back is no failure');
      },
    };
    const stopping = new OperationWorker(store, { test: slow }, mockServices.logger.mock(), { owner: 'stopping' });
    expect(await stopping.tick()).toBe(true);
    await stopping.stop();
    expect(aborted).toBe(true);
    expect(await stopping.tick()).toBe(false);
    const handedBack = await store.operations.get(id);
    expect(handedBack).toMatchObject({ status: 'queued', attempts: 0, leaseOwner: null, error: null });
    expect(handedBack!.log).toMatch(/started the long part[\s\S]*stopping stopped during attempt 1; handed back/);

    const runs: string[] = [];
    const next = new OperationWorker(store, { test: recording(runs) }, mockServices.logger.mock(), { owner: 'next' });
    expect(await next.tick()).toBe(true);
    await next.drain();
    expect(runs).toEqual(['long#1']);
    expect(await store.operations.get(id)).toMatchObject({ status: 'succeeded', attempts: 1 });
  });
});
