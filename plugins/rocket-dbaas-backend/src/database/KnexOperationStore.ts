import { Operation } from '@internal/plugin-rocket-dbaas-common';
import { Knex } from 'knex';
import { insertedId, nowIso, toIso, toIsoOrNull } from './conversions';

export type { Operation };

/** A claimed operation: every later write names its owner and epoch, so a late writer is refused. */
export type Lease = { id: number; owner: string; epoch: number };

export type NewOperation = {
  type: string;
  target: string;
  payload: Record<string, unknown>;
  requestedBy: string;
  maxAttempts?: number;
};

function toOperation(row: Record<string, any>): Operation {
  return {
    id: Number(row.id),
    type: row.type,
    target: row.target,
    payload: JSON.parse(row.payload),
    status: row.status,
    leaseOwner: row.lease_owner ?? null,
    leaseEpoch: Number(row.lease_epoch),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    log: row.log,
    error: row.error ?? null,
    requestedBy: row.requested_by,
    startedAt: toIsoOrNull(row.started_at),
    finishedAt: toIsoOrNull(row.finished_at),
    createdAt: toIso(row.created_at),
  };
}

/** Durable operations with leases: claimed by compare-and-set, every write fenced by owner and epoch. */
export class KnexOperationStore {
  constructor(private readonly db: Knex | Knex.Transaction) {}

  async create(op: NewOperation): Promise<number> {
    const now = nowIso();
    const result = await this.db('operations')
        .insert({
          type: op.type,
          target: op.target,
          payload: JSON.stringify(op.payload),
          status: 'queued',
          requested_by: op.requestedBy,
          max_attempts: op.maxAttempts ?? 2,
          created_at: now,
          updated_at: now,
        })
        .returning('id');
    return insertedId(result);
  }

  async get(id: number): Promise<Operation | undefined> {
    const row = await this.db('operations').where({ id }).first();
    return row ? toOperation(row) : undefined;
  }

  async listForTarget(target: string, limit = 50): Promise<Operation[]> {
    const rows = await this.db('operations').where({ target }).orderBy('id', 'desc').limit(limit);
    return rows.map(toOperation);
  }

  /**
   * Claims the oldest queued operation, or a running one whose lease expired
   * (its backend died). Returns undefined when there is none or another
   * backend won the row.
   */
  async claimNext(owner: string, leaseMs: number, types: string[]): Promise<{ lease: Lease; operation: Operation } | undefined> {
    const now = nowIso();
    const candidate = await this.db('operations')
      .whereIn('type', types)
      .where(b => b.where({ status: 'queued' }).orWhere(r => r.where({ status: 'running' }).where('lease_expires_at', '<', now)))
      .orderBy('id')
      .first();
    if (!candidate) return undefined;
    const epoch = Number(candidate.lease_epoch) + 1;
    const claimed = await this.db('operations')
      .where({ id: candidate.id, lease_epoch: candidate.lease_epoch, status: candidate.status })
      .update({
        status: 'running',
        lease_owner: owner,
        lease_epoch: epoch,
        lease_expires_at: new Date(Date.now() + leaseMs).toISOString(),
        attempts: Number(candidate.attempts) + 1,
        started_at: candidate.started_at ?? now,
        updated_at: now,
      });
    if (claimed !== 1) return undefined;
    return { lease: { id: Number(candidate.id), owner, epoch }, operation: (await this.get(Number(candidate.id)))! };
  }

  private fenced(lease: Lease) {
    return this.db('operations').where({ id: lease.id, lease_owner: lease.owner, lease_epoch: lease.epoch, status: 'running' });
  }

  /** Extends the lease and saves the (capped) log; false when the lease was lost. */
  async heartbeat(lease: Lease, leaseMs: number, log: string): Promise<boolean> {
    const updated = await this.fenced(lease).update({
      lease_expires_at: new Date(Date.now() + leaseMs).toISOString(),
      log,
      updated_at: nowIso(),
    });
    return updated === 1;
  }

  /**
   * Ends the operation, or with status queued hands it back (a backend that
   * stops in good order; the attempt it spent is given back too). False when
   * the lease was lost: the write is refused.
   */
  async finish(lease: Lease, outcome: { status: 'succeeded' | 'failed' | 'queued'; log: string; error?: string }): Promise<boolean> {
    const now = nowIso();
    const updated = await this.fenced(lease).update({
      status: outcome.status,
      log: outcome.log,
      error: outcome.error ?? null,
      lease_owner: null,
      lease_expires_at: null,
      finished_at: outcome.status === 'queued' ? null : now,
      ...(outcome.status === 'queued' ? { attempts: this.db.raw('attempts - 1') } : {}),
      updated_at: now,
    });
    return updated === 1;
  }
}
