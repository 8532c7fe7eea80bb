import { Knex } from 'knex';
import { IdempotencyRecord, IdempotencyStore } from './RocketStore';

export class KnexIdempotencyStore implements IdempotencyStore {
  constructor(private readonly db: Knex | Knex.Transaction) {}

  async find(scope: string, actor: string, key: string): Promise<IdempotencyRecord | undefined> {
    const row = await this.db('idempotency_keys').where({ scope, actor, key }).first();
    return row ? { scope, actor, key, bodyHash: row.body_hash, resultRef: row.result_ref } : undefined;
  }

  async insert(record: IdempotencyRecord): Promise<void> {
    await this.db('idempotency_keys').insert({
      scope: record.scope,
      actor: record.actor,
      key: record.key,
      body_hash: record.bodyHash,
      result_ref: record.resultRef,
    });
  }

  async settle(scope: string, actor: string, key: string, resultRef: string): Promise<void> {
    await this.db('idempotency_keys').where({ scope, actor, key }).update({ result_ref: resultRef });
  }
}
