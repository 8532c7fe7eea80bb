import { CustomErrorBase } from '@backstage/errors';
import { createHash } from 'node:crypto';

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
