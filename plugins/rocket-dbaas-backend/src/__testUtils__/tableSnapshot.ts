import { Knex } from 'knex';

const TABLES = [
  'environments',
  'datacenters',
  'applications',
  'contacts',
  'application_contacts',
  'clusters',
  'servers',
  'ports',
  'notes',
  'activities',
  'operations',
  'intake_requests',
  'idempotency_keys',
];

/** Every row of Rocket's tables, to show that a refused request wrote nothing. */
export async function tableSnapshot(knex: Knex): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    snapshot[table] = await knex(table).select('*').orderByRaw('1');
  }
  return snapshot;
}
