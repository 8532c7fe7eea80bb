import { CustomErrorBase } from '@backstage/errors';
import { createHash } from 'node:crypto';
import { RocketStore } from '../database/RocketStore';
import { Actor } from './Actor';

/** The same idempotency key came with another body: answered with 422. */
export class IdempotencyKeyReusedError extends CustomErrorBase {
  name = 'IdempotencyKeyReusedError';
  statusCode = 422;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** A hash of a request body that does not depend on the order of its keys. */
export function bodyHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(body))).digest('hex');
}

export type OnceRequest = { scope: string; actor: Actor; key?: string; body: unknown };

/**
 * Creates something at most once per idempotency key (and actor and scope).
 * `create` runs in a transaction that first takes the key, so a concurrent
 * twin waits for it and then answers as it did; it returns a reference to what
 * it made, which `read` turns into the answer. A retry with the same body gets
 * the first answer (`created: false`); the same key with another body is a 422.
 * Without a key it simply creates.
 */
export async function createOnce<T>(
  store: RocketStore,
  request: OnceRequest,
  create: (tx: RocketStore) => Promise<string>,
  read: (ref: string) => Promise<T>,
): Promise<{ value: T; created: boolean }> {
  const { scope, actor, key } = request;
  const hash = bodyHash(request.body);
  const replay = async () => {
    const prior = key ? await store.idempotency.find(scope, actor.ref, key) : undefined;
    if (!prior) return undefined;
    if (prior.bodyHash !== hash) throw new IdempotencyKeyReusedError(`Idempotency-Key ${key} was used before with another body; use a new key`);
    return { value: await read(prior.resultRef), created: false };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  let ref: string;
  try {
    ref = await store.transaction(async tx => {
      if (key) await tx.idempotency.insert({ scope, actor: actor.ref, key, bodyHash: hash, resultRef: '' });
      const made = await create(tx);
      if (key) await tx.idempotency.settle(scope, actor.ref, key, made);
      return made;
    });
  } catch (error) {
    // a concurrent twin with the same key won the race: answer as it did
    const twin = await replay();
    if (twin) return twin;
    throw error;
  }
  return { value: await read(ref), created: true };
}
