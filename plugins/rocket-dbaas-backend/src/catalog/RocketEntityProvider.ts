import { AuthService, DiscoveryService, LoggerService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { EntityProvider, EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { Application, ApplicationContact, ClusterWithServers, Page, ROCKET_PLUGIN_ID } from '@internal/plugin-rocket-dbaas-common';
import { rocketEntities } from './rocketEntities';

/**
 * Puts Rocket's clusters, applications and contacts into the catalog. The
 * catalog cannot read Rocket's tables: it reads Rocket's API with a service
 * token and replaces its entities (a full mutation, one stable location key).
 */
export class RocketEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  constructor(
    private readonly deps: { discovery: DiscoveryService; auth: AuthService; logger: LoggerService; portalUrl: string },
  ) {}

  getProviderName() {
    return 'rocket-dbaas';
  }

  async connect(connection: EntityProviderConnection) {
    this.connection = connection;
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
    if (!this.connection) throw new Error('RocketEntityProvider is not connected');
    const [clusters, applications] = await Promise.all([
      this.all<ClusterWithServers>('/clusters'),
      this.all<Application>('/applications'),
    ]);
    const contacts = new Map<string, ApplicationContact[]>();
    for (const app of applications) {
      const { items } = await this.get<{ items: ApplicationContact[] }>(`/applications/${encodeURIComponent(app.name)}/contacts`);
      contacts.set(app.name, items);
    }
    const entities = rocketEntities(clusters, applications, contacts, this.deps.portalUrl);
    await this.connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({ entity, locationKey: 'rocket-dbaas' })),
    });
    this.deps.logger.info(`Rocket put ${entities.length} entities into the catalog`);
    return entities.length;
  }
}
