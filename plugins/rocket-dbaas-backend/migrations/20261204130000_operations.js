// @ts-check
/**
 * Durable operations (every long action is one: provisioning first) and the
 * full host public key next to its pinned fingerprint, for the known_hosts
 * files Rocket generates for Ansible.
 */

const STATUSES = ['queued', 'running', 'succeeded', 'failed'];

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('servers', table => {
    table.text('host_public_key');
  });
  await knex.schema.createTable('operations', table => {
    table.increments('id');
    table.string('type', 64).notNullable();
    table.string('target', 253).notNullable();
    table.text('payload').notNullable().defaultTo('{}');
    table.enu('status', STATUSES).notNullable();
    table.string('lease_owner', 128);
    table.integer('lease_epoch').notNullable().defaultTo(0);
    table.timestamp('lease_expires_at', { useTz: true });
    table.integer('attempts').notNullable().defaultTo(0);
    table.integer('max_attempts').notNullable().defaultTo(2);
    table.text('log').notNullable().defaultTo('');
    table.text('error');
    table.string('requested_by', 255).notNullable();
    table.string('idempotency_key', 128).unique();
    table.timestamp('started_at', { useTz: true });
    table.timestamp('finished_at', { useTz: true });
    table.timestamps(true, true);
    table.index(['status', 'id']);
    table.index(['target', 'id']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('operations');
  await knex.schema.alterTable('servers', table => {
    table.dropColumn('host_public_key');
  });
};
