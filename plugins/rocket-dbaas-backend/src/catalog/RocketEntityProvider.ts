import { AuthService, DiscoveryService, LoggerService, SchedulerServiceTaskRunner } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { EntityProvider, EntityProviderConnection } from '@backstage/plugin-catalog-node';
import {
  Application,
  ApplicationContact,
  ClusterWithServers,
  Page,
  ROCKET_PLUGIN_ID,
  RocketChangeSignal,
} from '@internal/plugin-rocket-dbaas-common';
import { clusterEntity, clusterEntityRef, ROCKET_LOCATION_KEY, rocketEntities } from './rocketEntities';

export type RocketEntityProviderDeps = {
  discovery: DiscoveryService;
  auth: AuthService;
  logger: LoggerService;
  portalUrl: string;
  /** Runs the full sync; it starts once the catalog connects the provider. */
  schedule: SchedulerServiceTaskRunner;
  /** How long changes to applications and contacts gather before one full sync. */
  debounceMs?: number;
};

/**
 * Puts Rocket's clusters, applications and contacts into the catalog. The
 * catalog cannot read Rocket's tables: it reads Rocket's API with a service
 * token. A scheduled full sync replaces every entity it provides; a change to
 * a cluster is applied at once as a delta, a change to applications or
 * contacts (which touch many entities) brings the next full sync forward.
 */
export class RocketEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private pendingSync?: NodeJS.Timeout;

  constructor(private readonly deps: RocketEntityProviderDeps) {}

  getProviderName() {
    return 'rocket-dbaas';
  }

  async connect(connection: EntityProviderConnection) {
    this.connection = connection;
    await this.deps.schedule.run({
      id: 'rocket-dbaas-catalog-sync',
      fn: async () => {
        await this.refresh();
      },
    });
  }

  private requireConnection(): EntityProviderConnection {
    if (!this.connection) throw new Error('RocketEntityProvider is not connected');
    return this.connection;
  }

  private async get<T>(path: string): Promise<T> {
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: await this.deps.auth.getOwnServiceCredentials(),
      targetPluginId: ROCKET_PLUGIN_ID,
    });
    const base = await this.deps.discovery.getBaseUrl(ROCKET_PLUGIN_ID);
    const res = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!res.ok) throw await ResponseError.fromResponse(res);
    return res.json() as Promise<T>;
  }

  private async all<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await this.get<Page<T>>(`${path}${path.includes('?') ? '&' : '?'}limit=500&offset=${offset}`);
      items.push(...page.items);
      if (items.length >= page.totalCount || page.items.length === 0) return items;
    }
  }

  /** Reads Rocket and replaces every entity this provider gave the catalog. */
  async refresh(): Promise<number> {
    const connection = this.requireConnection();
    const [clusters, applications, contacts] = await Promise.all([
      this.all<ClusterWithServers>('/clusters'),
      this.all<Application>('/applications'),
      this.all<ApplicationContact>('/application-contacts'),
    ]);
    const entities = rocketEntities(clusters, applications, contacts, this.deps.portalUrl);
    await connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({ entity, locationKey: ROCKET_LOCATION_KEY })),
    });
    this.deps.logger.info(`Rocket put ${entities.length} entities into the catalog`);
    return entities.length;
  }

  /** Applies one of Rocket's change announcements to the catalog. */
  async applyChange(change: RocketChangeSignal): Promise<void> {
    if (change.kind === 'cluster' && change.key) await this.applyCluster(change.key);
    else if (change.kind === 'application' || change.kind === 'contact') this.syncSoon();
  }

  private async applyCluster(name: string) {
    const connection = this.requireConnection();
    const cluster = await this.get<ClusterWithServers>(`/clusters/${encodeURIComponent(name)}`).catch(error => {
      if (error instanceof ResponseError && error.response.status === 404) return undefined;
      throw error;
    });
    if (!cluster || cluster.lifecycle === 'decommissioned') {
      await connection.applyMutation({
        type: 'delta',
        added: [],
        removed: [{ entityRef: clusterEntityRef(name), locationKey: ROCKET_LOCATION_KEY }],
      });
      return;
    }
    const app = await this.get<Application>(`/applications/${encodeURIComponent(cluster.application)}`);
    await connection.applyMutation({
      type: 'delta',
      added: [{ entity: clusterEntity(cluster, app, this.deps.portalUrl), locationKey: ROCKET_LOCATION_KEY }],
      removed: [],
    });
  }

  private syncSoon() {
    if (this.pendingSync) return;
    this.pendingSync = setTimeout(() => {
      this.pendingSync = undefined;
      this.refresh().catch(error => this.deps.logger.warn(`Rocket's catalog sync failed: ${error}`));
    }, this.deps.debounceMs ?? 2000);
    this.pendingSync.unref();
  }
}
