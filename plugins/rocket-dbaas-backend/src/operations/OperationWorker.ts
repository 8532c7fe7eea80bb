import { LoggerService } from '@backstage/backend-plugin-api';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Lease, Operation } from '../database/KnexOperationStore';
import { RocketStore } from '../database/RocketStore';
import { CappedLog } from './CappedLog';

/** What an operation of one type does. */
export interface OperationHandler {
  /**
   * Does the work; throws to fail. `log` goes into the operation's (capped)
   * log. `signal` aborts when the backend stops (the work is handed back and
   * resumed by the next backend) or when this backend lost the lease: stop the
   * work either way. `holdsLease` renews the lease and tells whether this
   * backend still holds it: ask before a step that must not race a new owner
   * (a heartbeat notices a lost lease only every leaseMs / 3). Handlers must be
   * safe to re-run.
   */
  run(operation: Operation, log: (text: string) => void, signal: AbortSignal, holdsLease: () => Promise<boolean>): Promise<void>;
  /** Puts things right after a final failure (e.g. servers back to the pool). */
  onFailure(operation: Operation, reason: string): Promise<void>;
}

export type OperationWorkerOptions = {
  leaseMs?: number;
  logCap?: number;
  owner?: string;
  /** Told after each heartbeat and at the end, e.g. to signal open pages that the log grew. */
  onProgress?: (operation: Operation) => Promise<void>;
};

/**
 * Runs durable operations. Each tick claims at most one (compare-and-set, so
 * two backends never run the same one) and runs it in the background with a
 * lease it renews; a backend that dies loses its lease, and another one picks
 * the operation up again, or fails it once its attempts are spent. A backend
 * that stops (`stop()`, at shutdown) aborts its work and hands it back at once.
 */
export class OperationWorker {
  readonly owner: string;
  private readonly leaseMs: number;
  private readonly logCap: number;
  private readonly running = new Set<Promise<void>>();
  private readonly stopping = new AbortController();
  private readonly onProgress: (operation: Operation) => Promise<void>;

  constructor(
    private readonly store: RocketStore,
    private readonly handlers: Record<string, OperationHandler>,
    private readonly logger: LoggerService,
    options: OperationWorkerOptions = {},
  ) {
    this.owner = options.owner ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.logCap = options.logCap ?? 256 * 1024;
    this.onProgress = options.onProgress ?? (async () => {});
  }

  /** Claims and starts one operation; true when it did. */
  async tick(): Promise<boolean> {
    if (this.stopping.signal.aborted) return false;
    const claimed = await this.store.operations.claimNext(this.owner, this.leaseMs, Object.keys(this.handlers));
    if (!claimed) return false;
    const done = this.execute(claimed.lease, claimed.operation).finally(() => this.running.delete(done));
    this.running.add(done);
    return true;
  }

  /** Waits for the operations this worker runs (for tests and shutdown). */
  async drain(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }

  /** Claims nothing more, aborts what runs and hands it back to the queue. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.drain();
  }

  private async execute(lease: Lease, operation: Operation) {
    const handler = this.handlers[operation.type];
    const log = new CappedLog(this.logCap);
    log.append(operation.log);
    const line = (text: string) => log.append(text.endsWith('\n') ? text : `${text}\n`);
    line(`[rocket] attempt ${operation.attempts} of ${operation.maxAttempts} by ${this.owner} at ${new Date().toISOString()}`);

    if (operation.attempts > operation.maxAttempts) {
      const reason = `gave up after ${operation.maxAttempts} attempts: the backends running it stopped before it finished`;
      line(`[rocket] ${reason}`);
      if (await this.store.operations.finish(lease, { status: 'failed', log: log.toString(), error: reason })) {
        await handler.onFailure(operation, reason);
      }
      return;
    }

    // a lost lease (another backend took the operation over) stops the work too
    const lost = new AbortController();
    const holdsLease = async () => {
      if (!lost.signal.aborted && !(await this.store.operations.heartbeat(lease, this.leaseMs, log.toString()))) lost.abort();
      return !lost.signal.aborted;
    };
    const heartbeat = setInterval(async () => {
      try {
        if (await holdsLease()) await this.onProgress(operation);
      } catch (error) {
        this.logger.warn(`Operation ${operation.id}: heartbeat failed: ${error}`);
      }
    }, Math.max(200, Math.floor(this.leaseMs / 3)));

    let failure: string | undefined;
    try {
      await handler.run(operation, text => log.append(text), AbortSignal.any([this.stopping.signal, lost.signal]), holdsLease);
    } catch (error) {
      failure = (error as Error).message;
    } finally {
      clearInterval(heartbeat);
    }
    if (lost.signal.aborted) {
      this.logger.warn(`Operation ${operation.id}: lease lost to another backend; the work was stopped and its outcome is not written`);
      return;
    }
    if (this.stopping.signal.aborted) {
      line(`[rocket] ${this.owner} stopped during attempt ${operation.attempts}; handed back for the next backend to resume`);
      await this.store.operations.finish(lease, { status: 'queued', log: log.toString() });
      return;
    }
    if (failure) line(`[rocket] failed: ${failure}`);
    if (!failure) line('[rocket] succeeded');
    const finished = await this.store.operations.finish(lease, {
      status: failure ? 'failed' : 'succeeded',
      log: log.toString(),
      error: failure,
    });
    if (finished && failure) await handler.onFailure(operation, failure);
    if (finished) await this.onProgress(operation);
  }
}
