import { ConflictError } from '@backstage/errors';
import { Page, Server, ServerRole } from '@internal/plugin-rocket-dbaas-common';
import { Knex } from 'knex';
import {
  ClaimRequest,
  NewServer,
  ServerFilters,
  ServerPatch,
  ServerQuery,
  ServerStore,
} from './RocketStore';
import { isPostgres, nowIso, readPage, uniquely, whereLike, withTransaction } from './conversions';
import { serverSelect, toServer, toServerRow } from './serverRows';

function applyFilters(builder: Knex.QueryBuilder, f: ServerFilters): void {
  if (f.environment) builder.where('servers.environment', f.environment);
  if (f.datacenter) builder.where('servers.datacenter', f.datacenter);
  if (f.dbmsType) builder.where('servers.dbms_type', f.dbmsType);
  if (f.cpu !== undefined) builder.where('servers.cpu', '>=', f.cpu);
  if (f.ramGb !== undefined) builder.where('servers.ram_gb', '>=', f.ramGb);
  if (f.diskGb !== undefined) builder.where('servers.disk_gb', '>=', f.diskGb);
}

export class KnexServerStore implements ServerStore {
  constructor(private readonly db: Knex | Knex.Transaction) {}

  async list(query: ServerQuery): Promise<Page<Server>> {
    const base = serverSelect(this.db);
    applyFilters(base, query);
    if (query.q) whereLike(this.db, base, ['servers.hostname', 'servers.address'], query.q);
    if (query.hostnames) base.whereIn('servers.hostname', query.hostnames);
    if (query.cluster) base.where('clusters.name', query.cluster);
    if (query.role) base.where('servers.role', query.role);
    if (query.roles) base.whereIn('servers.role', query.roles);
    if (query.health) base.where('servers.health', query.health);

    const { rows, totalCount } = await readPage(base, query, b =>
      b.orderBy([{ column: 'servers.datacenter' }, { column: 'servers.hostname' }]),
    );
    return { items: rows.map(toServer), totalCount };
  }

  async get(hostname: string): Promise<Server | undefined> {
    const row = await serverSelect(this.db).where('servers.hostname', hostname).first();
    return row ? toServer(row) : undefined;
  }

  async insertMany(servers: NewServer[]): Promise<void> {
    const now = nowIso();
    const rows = servers.map(s => ({ ...toServerRow(s), created_at: now, updated_at: now }));
    await uniquely('A server with one of these hostnames', () =>
      withTransaction(this.db, async trx => {
        for (let i = 0; i < rows.length; i += 200) await trx('servers').insert(rows.slice(i, i + 200));
      }),
    );
  }

  async update(hostname: string, patch: ServerPatch): Promise<boolean> {
    const updated = await this.db('servers')
      .where({ hostname })
      .update({ ...toServerRow(patch), updated_at: nowIso() });
    return updated > 0;
  }

  claim(request: ClaimRequest): Promise<Server[]> {
    return withTransaction(this.db, trx => this.claimIn(trx, request));
  }

  private async claimIn(db: Knex.Transaction, request: ClaimRequest): Promise<Server[]> {
    const wanted = request.hostnames?.length ?? request.count ?? 1;
    const candidates = db('servers')
      .select('servers.id')
      .where({ role: 'pool', active: true })
      .whereNull('cluster_id');
    applyFilters(candidates, request);
    if (request.hostnames) candidates.whereIn('hostname', request.hostnames);
    candidates.orderBy([{ column: 'datacenter' }, { column: 'hostname' }]).limit(wanted);
    // On Postgres, concurrent claims skip each other's rows instead of queueing on them.
    if (isPostgres(db)) candidates.forUpdate().skipLocked();

    const ids = (await candidates).map(r => Number(r.id));
    const now = nowIso();
    // Compare-and-set: a row another claim took in the meantime is not counted.
    const claimed =
      ids.length === wanted
        ? await db('servers')
            .whereIn('id', ids)
            .where({ role: 'pool' })
            .whereNull('cluster_id')
            .update({ role: 'claimed', claimed_at: now, claimed_by: request.claimedBy, updated_at: now })
        : 0;
    if (claimed !== wanted) {
      const what = request.hostnames
        ? `the pool servers ${request.hostnames.join(', ')}`
        : `${wanted} pool server(s) matching the filters`;
      throw new ConflictError(
        `Could not claim ${what}: only ${ids.length === wanted ? claimed : ids.length} of ${wanted} are free. Nothing was claimed.`,
      );
    }
    const rows = await serverSelect(db).whereIn('servers.id', ids).orderBy('servers.hostname');
    return rows.map(toServer);
  }

  async assign(hostnames: string[], clusterId: number, role: ServerRole): Promise<void> {
    await this.db('servers')
      .whereIn('hostname', hostnames)
      .update({ cluster_id: clusterId, role, updated_at: nowIso() });
  }

  async returnToPool(where: { hostname?: string; clusterId?: number }): Promise<number> {
    const builder = this.db('servers');
    if (where.hostname) builder.where({ hostname: where.hostname });
    if (where.clusterId) builder.where({ cluster_id: where.clusterId });
    return builder.update({
      cluster_id: null,
      role: 'pool',
      claimed_at: null,
      claimed_by: null,
      updated_at: nowIso(),
    });
  }
}
