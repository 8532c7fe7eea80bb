import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { EntityProviderMutation } from '@backstage/plugin-catalog-node';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { RocketTestBackend, startRocketTestBackend } from '../__testUtils__/rocketTestBackend';
import { RocketEntityProvider } from './RocketEntityProvider';

jest.setTimeout(60_000);

describe('RocketEntityProvider', () => {
  let rocket: RocketTestBackend;
  let provider: RocketEntityProvider;
  let entities: Entity[] = [];
  const deltas: Extract<EntityProviderMutation, { type: 'delta' }>[] = [];
  const scheduled: string[] = [];

  beforeAll(async () => {
    rocket = await startRocketTestBackend();
    const { port } = rocket.server.address() as AddressInfo;
    provider = new RocketEntityProvider({
      discovery: { getBaseUrl: async () => `http://127.0.0.1:${port}/api/rocket-dbaas`, getExternalBaseUrl: async () => '' },
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      portalUrl: 'http://portal.test',
      // the catalog's scheduler stands aside: the test calls refresh itself
      schedule: { run: async ({ id }: { id: string }) => void scheduled.push(id) } as any,
      debounceMs: 10,
    });
    await provider.connect({
      applyMutation: async mutation => {
        if (mutation.type === 'delta') {
          deltas.push(mutation);
          return;
        }
        expect(new Set(mutation.entities.map(e => e.locationKey))).toEqual(new Set(['rocket-dbaas']));
        entities = mutation.entities.map(e => e.entity);
      },
      refresh: async () => {},
    });
    await provider.refresh();
  });
  afterAll(() => rocket.backend.stop());

  const find = (kind: string, name: string, namespace = 'default') =>
    entities.find(e => e.kind === kind && e.metadata.name === name && (e.metadata.namespace ?? 'default') === namespace);

  it('schedules its full sync when the catalog connects it', () => {
    expect(scheduled).toEqual(['rocket-dbaas-catalog-sync']);
  });

  it("makes each cluster a Resource owned by its application's owner, part of and a dependency of the application", () => {
    expect(entities.filter(e => e.kind === 'Resource')).toHaveLength(10);
    expect(find('Resource', 'payments-prod')).toMatchObject({
      metadata: {
        annotations: { 'rocket-dbaas.io/cluster-name': 'payments-prod', 'backstage.io/managed-by-location': 'url:rocket-dbaas' },
        links: [{ url: 'http://portal.test/rocket-dbaas/clusters/payments-prod' }],
      },
      spec: { type: 'database-cluster', owner: 'group:default/payments-team', system: 'system:default/payments', dependencyOf: ['system:default/payments'] },
    });
    expect(find('Resource', 'payments-prod')!.metadata.description).toMatch(/owned by payments-team$/);
  });

  it('makes each application without an entity of its own a System', () => {
    expect(find('System', 'payments')).toMatchObject({ spec: { owner: 'group:default/payments-team' } });
  });

  it('makes each contact a User in the rocket namespace, a member of a group per application', () => {
    const grace = entities.find(e => e.kind === 'User' && e.metadata.title === 'Grace Hopper')!;
    expect(grace.metadata.namespace).toBe('rocket');
    expect(grace.spec).toMatchObject({ profile: { email: 'grace@example.com' } });
    expect((grace.spec!.memberOf as string[]).sort()).toEqual(['group:rocket/orders-contacts', 'group:rocket/payments-contacts']);
    expect(find('Group', 'orders-contacts', 'rocket')).toBeDefined();
  });

  it('drops a decommissioned cluster on the next sync', async () => {
    await request(rocket.server).post('/api/rocket-dbaas/clusters/payments-dev/decommission').send({}).expect(200);
    await provider.refresh();
    expect(find('Resource', 'payments-dev')).toBeUndefined();
    expect(find('Resource', 'payments-prod')).toBeDefined();
  });

  it('applies a change to one cluster as a delta: added while it lives, removed once decommissioned', async () => {
    deltas.length = 0;
    await provider.applyChange({ kind: 'cluster', key: 'orders-prod', cluster: 'orders-prod' });
    expect(deltas).toHaveLength(1);
    expect(deltas[0].removed).toEqual([]);
    expect(deltas[0].added.map(d => [d.locationKey, d.entity.kind, d.entity.metadata.name, d.entity.spec?.owner])).toEqual([
      ['rocket-dbaas', 'Resource', 'orders-prod', 'group:default/orders-team'],
    ]);
    await request(rocket.server).post('/api/rocket-dbaas/clusters/orders-prod/decommission').send({}).expect(200);
    await provider.applyChange({ kind: 'cluster', key: 'orders-prod' });
    await provider.applyChange({ kind: 'cluster', key: 'never-was' });
    expect(deltas.slice(1).map(d => [d.added, d.removed])).toEqual([
      [[], [{ entityRef: 'resource:default/orders-prod', locationKey: 'rocket-dbaas' }]],
      [[], [{ entityRef: 'resource:default/never-was', locationKey: 'rocket-dbaas' }]],
    ]);
  });

  it('brings the full sync forward, once, when applications or contacts change', async () => {
    deltas.length = 0;
    await request(rocket.server).post('/api/rocket-dbaas/applications').send({ name: 'ledger', owner: 'group:default/finance' }).expect(201);
    await provider.applyChange({ kind: 'application', key: 'ledger' });
    await provider.applyChange({ kind: 'contact', key: '1' });
    await provider.applyChange({ kind: 'note', key: '1', cluster: 'payments-prod' });
    await new Promise(r => setTimeout(r, 500));
    expect(find('System', 'ledger')).toMatchObject({ spec: { owner: 'group:default/finance' } });
    expect(deltas).toEqual([]);
  });
});
