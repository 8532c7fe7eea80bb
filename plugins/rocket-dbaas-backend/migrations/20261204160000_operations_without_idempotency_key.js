// @ts-check
/**
 * Operations never used their own idempotency key: creating requests keep
 * theirs in idempotency_keys. The unused column goes.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('operations', table => {
    table.dropUnique(['idempotency_key']);
  });
  await knex.schema.alterTable('operations', table => {
    table.dropColumn('idempotency_key');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('operations', table => {
    table.string('idempotency_key', 128).unique();
  });
};
