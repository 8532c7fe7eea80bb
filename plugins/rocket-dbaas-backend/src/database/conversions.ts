import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';

/** Timestamps are written as ISO strings so that SQLite compares them correctly. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Postgres returns Date, SQLite the stored text or a number. */
export function toIso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return new Date(value).toISOString();
  const text = String(value);
  // CURRENT_TIMESTAMP defaults on SQLite look like "2026-12-04 10:00:00"
  return new Date(text.includes('T') ? text : `${text.replace(' ', 'T')}Z`).toISOString();
}

export function toIsoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : toIso(value);
}

/** SQLite returns booleans as 0 and 1. */
export function toBool(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}

export function toNumberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

export function isPostgres(db: Knex | Knex.Transaction): boolean {
  return db.client.config.client === 'pg';
}

/** A case-insensitive substring match that treats % and _ in the search as text. */
export function likeTerm(q: string): string {
  return `%${q.replace(/[\\%_]/g, c => `\\${c}`)}%`;
}

export function whereLike(
  db: Knex | Knex.Transaction,
  builder: Knex.QueryBuilder,
  columns: string[],
  q: string,
): void {
  const op = isPostgres(db) ? 'ilike' : 'like';
  const term = likeTerm(q);
  builder.where(inner => {
    for (const column of columns) {
      inner.orWhereRaw(`?? ${op} ? escape '\\'`, [column, term]);
    }
  });
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Turns a unique-constraint violation into a 409 with a message for people. */
export async function uniquely<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(`${what} already exists`);
    }
    throw error;
  }
}

/** The id of an inserted row, on Postgres and SQLite alike. */
export function insertedId(result: Array<number | { id: number }>): number {
  const first = result[0];
  return typeof first === 'object' ? Number(first.id) : Number(first);
}

/** Runs fn in the given transaction, or in a new one when db is not one. */
export function withTransaction<T>(
  db: Knex | Knex.Transaction,
  fn: (trx: Knex.Transaction) => Promise<T>,
): Promise<T> {
  return (db as Knex.Transaction).isTransaction ? fn(db as Knex.Transaction) : db.transaction(fn);
}

/** Counts the rows a filtered query matches and reads one page of them, shaped (columns, order) by `shape`. */
export async function readPage(
  base: Knex.QueryBuilder,
  paging: { limit: number; offset: number },
  shape: (builder: Knex.QueryBuilder) => Knex.QueryBuilder,
): Promise<{ rows: Record<string, any>[]; totalCount: number }> {
  const [{ count }] = await base.clone().clearSelect().count({ count: '*' });
  const rows = await shape(base).limit(paging.limit).offset(paging.offset);
  return { rows, totalCount: Number(count) };
}
