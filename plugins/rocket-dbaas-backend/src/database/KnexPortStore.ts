import { ConflictError } from '@backstage/errors';
import { Page, Port } from '@internal/plugin-rocket-dbaas-common';
import { Knex } from 'knex';
import { Paging, PortStore } from './RocketStore';
import { nowIso, readPage, withTransaction } from './conversions';

export class KnexPortStore implements PortStore {
  constructor(private readonly db: Knex | Knex.Transaction) {}

  async ensureRange(first: number, last: number): Promise<void> {
    const now = nowIso();
    const rows = [];
    for (let port = first; port <= last; port++) {
      rows.push({ port, status: 'free', created_at: now, updated_at: now });
    }
    for (let i = 0; i < rows.length; i += 500) {
      await this.db('ports').insert(rows.slice(i, i + 500)).onConflict('port').ignore();
    }
  }

  allocatePair(clusterId: number): Promise<[number, number]> {
    return withTransaction(this.db, async trx => {
      const taken: number[] = [];
      // Compare-and-set on each candidate: a port a concurrent allocation took is skipped.
      while (taken.length < 2) {
        const candidates = await trx('ports')
          .where({ status: 'free' })
          .whereNotIn('port', taken)
          .orderBy('port')
          .limit(4)
          .pluck('port');
        if (candidates.length === 0) {
          throw new ConflictError('No free ports are left in the configured range (rocketDbaas.ports)');
        }
        for (const port of candidates) {
          if (taken.length === 2) break;
          const updated = await trx('ports')
            .where({ port, status: 'free' })
            .update({ status: 'used', cluster_id: clusterId, updated_at: nowIso() });
          if (updated) taken.push(Number(port));
        }
      }
      return [taken[0], taken[1]];
    });
  }

  async freeForCluster(clusterId: number): Promise<void> {
    await this.db('ports')
      .where({ cluster_id: clusterId })
      .update({ status: 'free', cluster_id: null, note: null, updated_at: nowIso() });
  }

  async list(query: Paging & { status?: Port['status']; cluster?: string }): Promise<Page<Port>> {
    const base = this.db('ports').leftJoin('clusters', 'clusters.id', 'ports.cluster_id');
    if (query.status) base.where('ports.status', query.status);
    if (query.cluster) base.where('clusters.name', query.cluster);
    const { rows, totalCount } = await readPage(base, query, b =>
      b.select('ports.port', 'ports.status', 'ports.note', 'clusters.name as cluster_name').orderBy('ports.port'),
    );
    return {
      items: rows.map(r => ({ port: Number(r.port), status: r.status, cluster: r.cluster_name ?? null, note: r.note ?? null })),
      totalCount,
    };
  }
}
