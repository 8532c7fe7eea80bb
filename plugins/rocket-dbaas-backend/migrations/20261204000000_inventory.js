// @ts-check
/**
 * Rocket's inventory: reference data, applications and contacts, clusters,
 * servers, ports, notes and the activity log.
 *
 * The enumerations repeat the lists of @internal/plugin-rocket-dbaas-common:
 * a migration must keep describing the schema it created even after the
 * lists in code move on.
 */

const ENVIRONMENTS = ['Sbx', 'Dev', 'QA', 'UAT', 'Prod'];
const DBMS_TYPES = ['postgresql', 'mongodb', 'mysql'];
const LIFECYCLES = ['requested', 'provisioning', 'active', 'failed', 'decommissioned'];
const HEALTHS = ['configuring', 'up', 'up-with-issues', 'down', 'maintenance'];
const SERVER_ROLES = ['pool', 'claimed', 'configuring', 'primary', 'sync-replica', 'async-replica', 'arbiter'];
const CONTACT_TYPES = ['person', 'distribution-list', 'webhook'];
const CONTACT_ROLES = ['owner', 'primary', 'secondary', 'escalation', 'dba'];
const PORT_STATUSES = ['free', 'locked', 'used', 'reserved'];
const NOTE_COLOURS = ['grey', 'blue', 'green', 'yellow', 'orange', 'red'];
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const ACTIVITY_TYPES = [
  'Create', 'Failover', 'Switchover', 'Down', 'Up', 'Patch', 'DbRestart', 'ServerRestart',
  'Backup', 'Restore', 'ConfigChange', 'PoolRegister', 'PoolClaim', 'PoolRelease', 'Decommission',
];
const ACTIVITY_STATUSES = ['started', 'succeeded', 'failed', 'info'];

/** @param {import('knex').Knex.CreateTableBuilder} table */
function timestamps(table) {
  table.timestamps(true, true);
}

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('environments', table => {
    table.string('name', 16).primary();
    table.integer('sort_order').notNullable();
    table.boolean('is_production').notNullable().defaultTo(false);
    timestamps(table);
  });
  await knex('environments').insert(
    ENVIRONMENTS.map((name, i) => ({ name, sort_order: i + 1, is_production: name === 'Prod' })),
  );

  await knex.schema.createTable('datacenters', table => {
    table.string('code', 32).primary();
    table.string('name', 128).notNullable();
    table.integer('sort_order').notNullable().defaultTo(0);
    timestamps(table);
  });

  await knex.schema.createTable('applications', table => {
    table.increments('id');
    table.string('name', 100).notNullable().unique();
    table.text('description');
    table.string('owner', 255).notNullable();
    table.string('entity_ref', 255);
    table.string('cost_centre', 64);
    table.boolean('active').notNullable().defaultTo(true);
    timestamps(table);
  });

  await knex.schema.createTable('contacts', table => {
    table.increments('id');
    table.string('name', 200).notNullable();
    table.enu('type', CONTACT_TYPES).notNullable();
    table.string('email', 320);
    table.string('phone', 64);
    table.string('user_ref', 255);
    table.timestamp('active_from', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true });
    timestamps(table);
  });

  await knex.schema.createTable('application_contacts', table => {
    table.integer('application_id').notNullable().references('id').inTable('applications').onDelete('CASCADE');
    table.integer('contact_id').notNullable().references('id').inTable('contacts').onDelete('CASCADE');
    table.enu('role', CONTACT_ROLES).notNullable();
    table.text('notify').notNullable().defaultTo('[]');
    table.boolean('active').notNullable().defaultTo(true);
    table.primary(['application_id', 'contact_id']);
    table.index('contact_id');
    timestamps(table);
  });

  await knex.schema.createTable('clusters', table => {
    table.increments('id');
    table.string('name', 63).notNullable().unique();
    table.enu('dbms_type', DBMS_TYPES).notNullable();
    table.integer('application_id').notNullable().references('id').inTable('applications');
    table.string('environment', 16).notNullable().references('name').inTable('environments');
    table.enu('lifecycle', LIFECYCLES).notNullable();
    table.enu('health', HEALTHS).notNullable();
    table.integer('read_write_port');
    table.integer('read_only_port');
    table.boolean('tls').notNullable().defaultTo(true);
    table.integer('backup_retention_days').notNullable();
    table.integer('backup_min_full_count').notNullable();
    table.enu('mw_weekday', WEEKDAYS).notNullable();
    table.string('mw_start', 5).notNullable();
    table.integer('mw_duration_minutes').notNullable();
    table.string('mw_time_zone', 64).notNullable();
    table.integer('requested_cpu').notNullable();
    table.integer('requested_ram_gb').notNullable();
    table.integer('requested_disk_gb').notNullable();
    table.text('description');
    table.integer('version').notNullable().defaultTo(1);
    table.timestamp('decommissioned_at', { useTz: true });
    timestamps(table);
    table.index('application_id');
    table.index(['environment', 'name']);
    table.index(['health', 'name']);
    table.index(['lifecycle', 'name']);
  });

  await knex.schema.createTable('servers', table => {
    table.increments('id');
    table.string('hostname', 253).notNullable().unique();
    table.string('address', 64).notNullable();
    table.string('datacenter', 32).notNullable().references('code').inTable('datacenters');
    table.string('environment', 16).notNullable().references('name').inTable('environments');
    table.enu('dbms_type', DBMS_TYPES).notNullable();
    table.integer('cpu').notNullable();
    table.integer('ram_gb').notNullable();
    table.integer('disk_gb').notNullable();
    table.integer('cluster_id').references('id').inTable('clusters');
    table.enu('role', SERVER_ROLES).notNullable();
    table.enu('health', HEALTHS).notNullable();
    table.string('os_version', 128);
    table.string('db_version', 128);
    table.integer('db_version_number');
    table.timestamp('os_patched_at', { useTz: true });
    table.timestamp('db_patched_at', { useTz: true });
    table.timestamp('last_reboot_at', { useTz: true });
    table.boolean('pending_restart').notNullable().defaultTo(false);
    table.boolean('collect_metrics').notNullable().defaultTo(true);
    table.string('ssh_user', 64).notNullable();
    table.integer('ssh_port').notNullable().defaultTo(22);
    table.string('host_key_fingerprint', 128);
    table.decimal('monthly_cost', 10, 2);
    table.boolean('active').notNullable().defaultTo(true);
    table.timestamp('claimed_at', { useTz: true });
    table.string('claimed_by', 255);
    timestamps(table);
    table.index('cluster_id');
    table.index(['role', 'environment', 'dbms_type']);
  });

  await knex.schema.createTable('ports', table => {
    table.integer('port').primary();
    table.enu('status', PORT_STATUSES).notNullable();
    table.integer('cluster_id').references('id').inTable('clusters');
    table.string('note', 255);
    timestamps(table);
    table.index(['status', 'port']);
  });

  await knex.schema.createTable('notes', table => {
    table.increments('id');
    table.integer('cluster_id').notNullable().references('id').inTable('clusters').onDelete('CASCADE');
    table.string('title', 200).notNullable();
    table.text('body').notNullable();
    table.string('ticket', 255);
    table.enu('colour', NOTE_COLOURS).notNullable();
    table.string('author', 255).notNullable();
    timestamps(table);
    table.index('cluster_id');
  });

  await knex.schema.createTable('activities', table => {
    table.bigIncrements('id');
    table.integer('cluster_id').references('id').inTable('clusters');
    table.string('server_hostname', 253);
    table.enu('dbms_type', DBMS_TYPES);
    table.enu('type', ACTIVITY_TYPES).notNullable();
    table.boolean('planned').notNullable().defaultTo(true);
    table.string('ticket_url', 2048);
    table.enu('status', ACTIVITY_STATUSES).notNullable();
    table.string('actor', 255).notNullable();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true });
    table.text('details');
    timestamps(table);
    table.index(['cluster_id', 'started_at']);
    table.index(['dbms_type', 'started_at']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const name of [
    'activities', 'notes', 'ports', 'servers', 'clusters',
    'application_contacts', 'contacts', 'applications', 'datacenters', 'environments',
  ]) {
    await knex.schema.dropTable(name);
  }
};
