// @ts-check
/**
 * Host-key pinning: a refused key is recorded on the server, with the time of
 * the last good contact, and the activity log learns the events of enrolment
 * and refusal.
 */

const BEFORE = [
  'Create', 'Failover', 'Switchover', 'Down', 'Up', 'Patch', 'DbRestart', 'ServerRestart',
  'Backup', 'Restore', 'ConfigChange', 'PoolRegister', 'PoolClaim', 'PoolRelease', 'Decommission',
];
const AFTER = [...BEFORE, 'HostKeyEnrol', 'HostKeyMismatch'];

/**
 * Replaces the check on activities.type. Postgres names the inline check
 * activities_type_check. SQLite cannot alter a check (knex would add a second
 * one), so the table is rebuilt from its own definition with the new list.
 * @param {import('knex').Knex} knex
 * @param {string[]} from
 * @param {string[]} to
 */
async function allowActivityTypes(knex, from, to) {
  // DDL takes no bind parameters; the types are this file's own constants
  const list = (/** @type {string[]} */ types) => types.map(t => `'${t}'`).join(', ');
  if (knex.client.config.client === 'pg') {
    await knex.raw('alter table activities drop constraint if exists activities_type_check');
    await knex.raw(`alter table activities add constraint activities_type_check check (type in (${list(to)}))`);
    return;
  }
  const [{ sql }] = await knex.raw("select sql from sqlite_master where type = 'table' and name = 'activities'");
  const indexes = await knex.raw("select sql from sqlite_master where type = 'index' and tbl_name = 'activities' and sql is not null");
  const rebuilt = sql.replace(`in (${list(from)})`, `in (${list(to)})`).replace(/^CREATE TABLE [`"]?activities[`"]?/, 'CREATE TABLE `activities_rebuilt`');
  if (rebuilt === sql || !rebuilt.includes(list(to))) throw new Error('could not find the check on activities.type');
  await knex.raw(rebuilt);
  await knex.raw('insert into activities_rebuilt select * from activities');
  await knex.raw('drop table activities');
  await knex.raw('alter table activities_rebuilt rename to activities');
  for (const index of /** @type {Array<{ sql: string }>} */ (indexes)) await knex.raw(index.sql);
}

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('servers', table => {
    table.timestamp('last_contact_at', { useTz: true });
    table.timestamp('host_key_mismatch_at', { useTz: true });
    table.string('host_key_presented', 128);
  });
  await allowActivityTypes(knex, BEFORE, AFTER);
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex('activities').whereIn('type', ['HostKeyEnrol', 'HostKeyMismatch']).delete();
  await allowActivityTypes(knex, AFTER, BEFORE);
  await knex.schema.alterTable('servers', table => {
    table.dropColumn('last_contact_at');
    table.dropColumn('host_key_mismatch_at');
    table.dropColumn('host_key_presented');
  });
};
