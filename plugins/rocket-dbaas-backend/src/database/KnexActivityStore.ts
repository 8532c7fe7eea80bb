import { Activity, Page } from '@internal/plugin-rocket-dbaas-common';
import { Knex } from 'knex';
import { ActivityStore, NewActivity, Paging } from './RocketStore';
import { insertedId, nowIso, readPage, toBool, toIso, toIsoOrNull } from './conversions';

function toActivity(row: Record<string, any>): Activity {
  return {
    id: Number(row.id),
    cluster: row.cluster_name ?? null,
    server: row.server_hostname ?? null,
    dbmsType: row.dbms_type ?? null,
    type: row.type,
    planned: toBool(row.planned),
    ticketUrl: row.ticket_url ?? null,
    status: row.status,
    actor: row.actor,
    startedAt: toIso(row.started_at),
    finishedAt: toIsoOrNull(row.finished_at),
    details: row.details ?? null,
  };
}

export class KnexActivityStore implements ActivityStore {
  constructor(private readonly db: Knex | Knex.Transaction) {}

  async insert(a: NewActivity): Promise<number> {
    const now = nowIso();
    const result = await this.db('activities')
      .insert({
        cluster_id: a.clusterId ?? null,
        server_hostname: a.server ?? null,
        dbms_type: a.dbmsType ?? null,
        type: a.type,
        planned: a.planned ?? true,
        ticket_url: a.ticketUrl ?? null,
        status: a.status,
        actor: a.actor,
        started_at: a.startedAt ?? now,
        finished_at: a.finishedAt === undefined ? now : a.finishedAt,
        details: a.details ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id');
    return insertedId(result);
  }

  async list(
    query: Paging & { clusterId?: number; server?: string; dbmsType?: Activity['dbmsType']; type?: Activity['type'] },
  ): Promise<Page<Activity>> {
    const base = this.db('activities').leftJoin('clusters', 'clusters.id', 'activities.cluster_id');
    if (query.clusterId) base.where('activities.cluster_id', query.clusterId);
    if (query.server) base.where('activities.server_hostname', query.server);
    if (query.dbmsType) base.where('activities.dbms_type', query.dbmsType);
    if (query.type) base.where('activities.type', query.type);
    const { rows, totalCount } = await readPage(base, query, b =>
      b
        .select('activities.*', 'clusters.name as cluster_name')
        .orderBy([{ column: 'activities.started_at', order: 'desc' }, { column: 'activities.id', order: 'desc' }]),
    );
    return { items: rows.map(toActivity), totalCount };
  }
}
