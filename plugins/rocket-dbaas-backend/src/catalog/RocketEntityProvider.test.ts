import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { RocketTestBackend, startRocketTestBackend } from '../__testUtils__/rocketTestBackend';
import { RocketEntityProvider } from './RocketEntityProvider';

jest.setTimeout(60_000);

describe('RocketEntityProvider', () => {
  let rocket: RocketTestBackend;
  let provider: RocketEntityProvider;
  let entities: Entity[] = [];

  beforeAll(async () => {
    rocket = await startRocketTestBackend();
    const { port } = rocket.server.address() as AddressInfo;
    provider = new RocketEntityProvider({
      discovery: { getBaseUrl: async () => `http://127.0.0.1:${port}/api/rocket-dbaas`, getExternalBaseUrl: async () => '' },
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      portalUrl: 'http://portal.test',
    });
    await provider.connect({
      applyMutation: async mutation => {
        if (mutation.type !== 'full') throw new Error('expected a full mutation');
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

  it("makes each cluster a Resource owned by its application's owner, part of and a dependency of the application", () => {
    expect(entities.filter(e => e.kind === 'Resource')).toHaveLength(10);
    expect(find('Resource', 'payments-prod')).toMatchObject({
      metadata: {
        annotations: { 'rocket-dbaas.io/cluster-name': 'payments-prod', 'backstage.io/managed-by-location': 'url:rocket-dbaas' },
        links: [{ url: 'http://portal.test/rocket-dbaas/clusters/payments-prod' }],
      },
      spec: { type: 'database-cluster', owner: 'group:default/payments-team', system: 'system:default/payments', dependencyOf: ['system:default/payments'] },
    });
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
});
