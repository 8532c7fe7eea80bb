import catalogPlugin from '@backstage/plugin-catalog-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import request from 'supertest';
import { RocketTestBackend, startRocketTestBackend } from '../__testUtils__/rocketTestBackend';
import { catalogModuleRocketDbaas } from './module';

jest.setTimeout(120_000);

async function until<T>(what: string, probe: () => Promise<T | undefined>, seconds = 60): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 300));
  }
}

// The real catalog backend with Rocket's module beside Rocket's plugin. The
// scheduled full sync runs once, 5 s after start, and not again within the
// test: what changes later reaches the catalog only through Rocket's events.
describe("Rocket's catalog module in a real catalog", () => {
  let ctx: RocketTestBackend;
  const rocket = '/api/rocket-dbaas';
  const entity = (name: string) => request(ctx.server).get(`/api/catalog/entities/by-name/resource/default/${name}`);
  const query = (params: string) => request(ctx.server).get(`/api/catalog/entities/by-query?${params}`);

  beforeAll(async () => {
    ctx = await startRocketTestBackend({
      // the real events service: one in-process bus for every plugin, as in the portal
      features: [catalogPlugin, catalogModuleRocketDbaas, eventsServiceFactory],
      config: {
        app: { baseUrl: 'http://portal.test' },
        catalog: { rules: [{ allow: ['Resource', 'System', 'User', 'Group'] }] },
        events: { useEventBus: 'never' },
      },
      rocketConfig: { catalog: { syncSeconds: 3600 } },
      realScheduler: true,
    });
    await until('the first full sync in the catalog', async () => ((await entity('payments-prod')).status === 200 ? true : undefined));
  });
  afterAll(() => ctx?.backend.stop());

  it('adds a new cluster as a Resource owned by its application owner, as soon as it is created', async () => {
    await request(ctx.server)
      .post(`${rocket}/clusters`)
      .send({ name: 'delta-db', dbmsType: 'postgresql', application: 'payments', environment: 'Dev', requested: { cpu: 1, ramGb: 1, diskGb: 10 } })
      .expect(201);
    const found = await until('delta-db in the catalog', async () => {
      const res = await entity('delta-db');
      return res.status === 200 ? res.body : undefined;
    });
    expect(found.spec).toMatchObject({ type: 'database-cluster', owner: 'group:default/payments-team', system: 'system:default/payments' });
    expect(found.relations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'ownedBy', targetRef: 'group:default/payments-team' }),
        expect.objectContaining({ type: 'partOf', targetRef: 'system:default/payments' }),
      ]),
    );
  });

  // the queries the catalog's index page makes: its search box, and its owner picker
  it("finds the cluster by its name and by its owner, as the catalog's search does", async () => {
    const textFields = 'fullTextFilterFields=metadata.name,metadata.title,spec.profile.displayName';
    const byName = await query(`filter=kind=resource&fullTextFilterTerm=delta&${textFields}`).expect(200);
    expect(byName.body.items.map((e: any) => e.metadata.name)).toEqual(['delta-db']);
    const byOwner = await query('filter=kind=resource,relations.ownedBy=group:default/payments-team&limit=100').expect(200);
    const names = byOwner.body.items.map((e: any) => e.metadata.name);
    expect(names).toEqual(expect.arrayContaining(['delta-db', 'payments-prod']));
    expect(byOwner.body.items.every((e: any) => e.spec.owner === 'group:default/payments-team')).toBe(true);
    expect(names).not.toContain('orders-prod');
  });

  it('follows a change of health and removes a decommissioned cluster', async () => {
    await request(ctx.server).patch(`${rocket}/clusters/delta-db`).send({ health: 'down' }).expect(200);
    await until('the new health tag', async () => ((await entity('delta-db')).body.metadata?.tags?.includes('down') ? true : undefined));
    await request(ctx.server).post(`${rocket}/clusters/delta-db/decommission`).send({}).expect(200);
    await until('delta-db to leave the catalog', async () => ((await entity('delta-db')).status === 404 ? true : undefined));
    expect((await entity('payments-prod')).status).toBe(200);
  });

  it('re-syncs applications and contacts when they change', async () => {
    await request(ctx.server).post(`${rocket}/applications`).send({ name: 'ledger', owner: 'group:default/finance' }).expect(201);
    const system = await until('the ledger System', async () => {
      const res = await request(ctx.server).get('/api/catalog/entities/by-name/system/default/ledger');
      return res.status === 200 ? res.body : undefined;
    });
    expect(system.spec.owner).toBe('group:default/finance');
  });
});
