// @ts-check
/**
 * Idempotency keys of creating requests: a retry with the same key and body
 * gets the first answer, the same key with another body is refused.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('idempotency_keys', table => {
    table.string('scope', 64).notNullable();
    table.string('key', 128).notNullable();
    table.string('actor', 255).notNullable();
    table.string('body_hash', 64).notNullable();
    /** What the first request created (a cluster's name, ...). */
    table.string('result_ref', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.primary(['scope', 'actor', 'key']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('idempotency_keys');
};
