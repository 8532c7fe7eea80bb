import { Datacenter, Environment } from '@internal/plugin-rocket-dbaas-common';
import { Knex } from 'knex';
import { ReferenceStore } from './RocketStore';
import { nowIso, toBool } from './conversions';

export class KnexReferenceStore implements ReferenceStore {
  constructor(private readonly db: Knex | Knex.Transaction) {}

  async environments(): Promise<Environment[]> {
    const rows = await this.db('environments').orderBy('sort_order');
    return rows.map(r => ({ name: r.name, sortOrder: Number(r.sort_order), isProduction: toBool(r.is_production) }));
  }

  async datacenters(): Promise<Datacenter[]> {
    const rows = await this.db('datacenters').orderBy(['sort_order', 'code']);
    return rows.map(r => ({ code: r.code, name: r.name, sortOrder: Number(r.sort_order) }));
  }

  async upsertDatacenter(dc: Datacenter): Promise<void> {
    const now = nowIso();
    await this.db('datacenters')
      .insert({ code: dc.code, name: dc.name, sort_order: dc.sortOrder, created_at: now, updated_at: now })
      .onConflict('code')
      .merge(['name', 'sort_order', 'updated_at']);
  }

  async hasDatacenter(code: string): Promise<boolean> {
    return Boolean(await this.db('datacenters').where({ code }).first('code'));
  }
}
