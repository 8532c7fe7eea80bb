import { ClusterWithServers, Page } from '@internal/plugin-rocket-dbaas-common';
import { Knex } from 'knex';
import {
  ClusterPatch,
  ClusterQuery,
  ClusterRef,
  ClusterStore,
  NewCluster,
  OverviewCounts,
} from './RocketStore';
import { insertedId, nowIso, readPage, toBool, toIso, toNumberOrNull, uniquely, whereLike } from './conversions';
import { serverSelect, toServer } from './serverRows';

const SORT_COLUMNS: Record<ClusterQuery['sort'], string[]> = {
  name: ['clusters.name'],
  environment: ['environments.sort_order', 'clusters.name'],
  application: ['applications.name', 'clusters.name'],
  health: ['clusters.health', 'clusters.name'],
  createdAt: ['clusters.created_at', 'clusters.name'],
};

function toClusterRow(c: Partial<NewCluster> & ClusterPatch): Record<string, unknown> {
  const row: Record<string, unknown> = {
    name: c.name,
    dbms_type: c.dbmsType,
    application_id: c.applicationId,
    environment: c.environment,
    lifecycle: c.lifecycle,
    health: c.health,
    tls: c.tls,
    description: c.description,
    read_write_port: c.readWritePort,
    read_only_port: c.readOnlyPort,
    decommissioned_at: c.decommissionedAt,
    backup_retention_days: c.backupRetention?.days,
    backup_min_full_count: c.backupRetention?.minFullCount,
    mw_weekday: c.maintenanceWindow?.weekday,
    mw_start: c.maintenanceWindow?.start,
    mw_duration_minutes: c.maintenanceWindow?.durationMinutes,
    mw_time_zone: c.maintenanceWindow?.timeZone,
    requested_cpu: c.requested?.cpu,
    requested_ram_gb: c.requested?.ramGb,
    requested_disk_gb: c.requested?.diskGb,
  };
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined));
}

function toCluster(row: Record<string, any>, servers: ClusterWithServers['servers']): ClusterWithServers {
  return {
    id: Number(row.id),
    name: row.name,
    dbmsType: row.dbms_type,
    application: row.application_name,
    environment: row.environment,
    lifecycle: row.lifecycle,
    health: row.health,
    readWritePort: toNumberOrNull(row.read_write_port),
    readOnlyPort: toNumberOrNull(row.read_only_port),
    tls: toBool(row.tls),
    backupRetention: { days: Number(row.backup_retention_days), minFullCount: Number(row.backup_min_full_count) },
    maintenanceWindow: {
      weekday: row.mw_weekday,
      start: row.mw_start,
      durationMinutes: Number(row.mw_duration_minutes),
      timeZone: row.mw_time_zone,
    },
    requested: {
      cpu: Number(row.requested_cpu),
      ramGb: Number(row.requested_ram_gb),
      diskGb: Number(row.requested_disk_gb),
    },
    description: row.description ?? null,
    version: Number(row.version),
    serverCount: servers.length,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    servers,
  };
}

function countBy(rows: Array<{ key: string; count: unknown }>): Record<string, number> {
  return Object.fromEntries(rows.map(r => [r.key, Number(r.count)]));
}

export class KnexClusterStore implements ClusterStore {
  constructor(private readonly db: Knex | Knex.Transaction) {}

  private select(): Knex.QueryBuilder {
    return this.db('clusters')
      .join('applications', 'applications.id', 'clusters.application_id')
      .join('environments', 'environments.name', 'clusters.environment');
  }

  private async withServers(rows: Record<string, any>[]): Promise<ClusterWithServers[]> {
    const ids = rows.map(r => Number(r.id));
    const serverRows = ids.length
      ? await serverSelect(this.db)
          .whereIn('servers.cluster_id', ids)
          .orderBy([{ column: 'servers.datacenter' }, { column: 'servers.hostname' }])
      : [];
    const byCluster = new Map<number, ClusterWithServers['servers']>();
    for (const row of serverRows) {
      const list = byCluster.get(Number(row.cluster_id)) ?? [];
      list.push(toServer(row));
      byCluster.set(Number(row.cluster_id), list);
    }
    return rows.map(r => toCluster(r, byCluster.get(Number(r.id)) ?? []));
  }

  async list(query: ClusterQuery): Promise<Page<ClusterWithServers>> {
    const base = this.select();
    if (query.q) whereLike(this.db, base, ['clusters.name', 'applications.name'], query.q);
    if (query.environment) base.where('clusters.environment', query.environment);
    if (query.dbmsType) base.where('clusters.dbms_type', query.dbmsType);
    if (query.application) base.where('applications.name', query.application);
    if (query.health) base.where('clusters.health', query.health);
    if (query.lifecycle) base.where('clusters.lifecycle', query.lifecycle);
    else if (!query.includeDecommissioned) base.whereNot('clusters.lifecycle', 'decommissioned');

    const { rows, totalCount } = await readPage(base, query, b =>
      b
        .select('clusters.*', 'applications.name as application_name')
        .orderBy(SORT_COLUMNS[query.sort].map((column, i) => ({ column, order: i === 0 ? query.order : 'asc' }))),
    );
    return { items: await this.withServers(rows), totalCount };
  }

  async get(name: string): Promise<ClusterWithServers | undefined> {
    const row = await this.select()
      .select('clusters.*', 'applications.name as application_name')
      .where('clusters.name', name)
      .first();
    return row ? (await this.withServers([row]))[0] : undefined;
  }

  async getRef(name: string): Promise<ClusterRef | undefined> {
    const row = await this.db('clusters')
      .select('id', 'name', 'dbms_type', 'version', 'lifecycle')
      .where({ name })
      .first();
    return row
      ? { id: Number(row.id), name: row.name, dbmsType: row.dbms_type, version: Number(row.version), lifecycle: row.lifecycle }
      : undefined;
  }

  async insert(cluster: NewCluster): Promise<number> {
    const now = nowIso();
    const result = await uniquely(`A cluster named ${cluster.name}`, () =>
      this.db('clusters')
        .insert({ ...toClusterRow(cluster), version: 1, created_at: now, updated_at: now })
        .returning('id'),
    );
    return insertedId(result);
  }

  async update(id: number, patch: ClusterPatch, expectedVersion: number): Promise<boolean> {
    const updated = await this.db('clusters')
      .where({ id, version: expectedVersion })
      .update({ ...toClusterRow(patch), version: expectedVersion + 1, updated_at: nowIso() });
    return updated > 0;
  }

  async counts(): Promise<OverviewCounts> {
    const live = () => this.db('clusters').whereNot('lifecycle', 'decommissioned');
    const [byHealth, byEnvironment, byDbmsType, servers, pool] = await Promise.all([
      live().select({ key: 'health' }).count({ count: '*' }).groupBy('health'),
      live().select({ key: 'environment' }).count({ count: '*' }).groupBy('environment'),
      live().select({ key: 'dbms_type' }).count({ count: '*' }).groupBy('dbms_type'),
      this.db('servers').whereNotNull('cluster_id').count({ count: '*' }),
      this.db('servers').where({ role: 'pool', active: true }).whereNull('cluster_id').count({ count: '*' }),
    ]);
    const health = countBy(byHealth as any);
    return {
      clusters: Object.values(health).reduce((a, b) => a + b, 0),
      servers: Number(servers[0].count),
      freePoolServers: Number(pool[0].count),
      byHealth: health,
      byEnvironment: countBy(byEnvironment as any),
      byDbmsType: countBy(byDbmsType as any),
    };
  }
}
