// @ts-check
/**
 * Requests for new databases (the intake form) and the DBA's decision on
 * each. The lists repeat those of @internal/plugin-rocket-dbaas-common as
 * they were when this migration was written.
 */

const STATUSES = ['submitted', 'approved', 'rejected', 'fulfilled'];
const DBMS_TYPES = ['postgresql', 'mongodb', 'mysql'];
const WORKLOADS = ['oltp', 'analytics', 'mixed', 'batch'];
const AVAILABILITY_TIERS = ['best-effort', '99.5', '99.9', '99.95', '99.99'];
const SENSITIVITIES = ['public', 'internal', 'confidential', 'restricted'];
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('intake_requests', table => {
    table.increments('id');
    table.enu('status', STATUSES).notNullable().defaultTo('submitted');
    table.string('application', 100).notNullable();
    table.string('owner', 255).notNullable();
    table.text('contacts').notNullable().defaultTo('[]');
    table.text('environments').notNullable();
    table.enu('dbms_type', DBMS_TYPES).notNullable();
    table.integer('expected_size_gb').notNullable();
    table.integer('growth_gb_per_month').notNullable();
    table.enu('workload', WORKLOADS).notNullable();
    table.enu('availability', AVAILABILITY_TIERS).notNullable();
    table.integer('rpo_minutes').notNullable();
    table.integer('rto_minutes').notNullable();
    table.enu('data_sensitivity', SENSITIVITIES).notNullable();
    table.enu('maintenance_weekday', WEEKDAYS).notNullable();
    table.string('maintenance_start', 5).notNullable();
    table.string('cost_centre', 64).notNullable();
    table.date('go_live_date').notNullable();
    table.text('notes');
    table.string('requested_by', 255).notNullable();
    table.string('decided_by', 255);
    table.timestamp('decided_at', { useTz: true });
    table.text('decision_reason');
    table.string('cluster_name', 63);
    table.integer('version').notNullable().defaultTo(1);
    table.timestamps(true, true);
    table.index(['status', 'id']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('intake_requests');
};
