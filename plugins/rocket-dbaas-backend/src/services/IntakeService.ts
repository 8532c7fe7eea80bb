import { ConflictError, NotFoundError } from '@backstage/errors';
import { IntakeRequest, IntakeRequestInput, IntakeStatus, Page } from '@internal/plugin-rocket-dbaas-common';
import { IntakeDecision, Paging, RocketStore } from '../database/RocketStore';
import { Actor } from './Actor';
import { createOnce } from './idempotency';
import { ChangeNotifier } from './ChangeNotifier';

export type IntakeDecisionInput = { version: number; reason?: string };

/** Requests for new databases: application teams submit, DBAs approve or reject. */
export interface IntakeService {
  list(query: Paging & { status?: IntakeStatus }): Promise<Page<IntakeRequest>>;
  get(id: number): Promise<IntakeRequest>;
  /** Files a request; with an idempotency key, a retry with the same body gets the first request. */
  submit(input: IntakeRequestInput, actor: Actor, idempotencyKey?: string): Promise<IntakeRequest>;
  decide(id: number, status: IntakeDecision['status'], input: IntakeDecisionInput, actor: Actor): Promise<IntakeRequest>;
}

export class DefaultIntakeService implements IntakeService {
  constructor(
    private readonly store: RocketStore,
    private readonly notifier: ChangeNotifier,
  ) {}

  list(query: Paging & { status?: IntakeStatus }) {
    return this.store.intake.list(query);
  }

  async get(id: number) {
    const request = await this.store.intake.get(id);
    if (!request) throw new NotFoundError(`No intake request ${id}`);
    return request;
  }

  async submit(input: IntakeRequestInput, actor: Actor, idempotencyKey?: string) {
    const { value, created } = await createOnce(
      this.store,
      { scope: 'intake-submit', actor, key: idempotencyKey, body: input },
      async tx => String(await tx.intake.insert(input, actor.ref)),
      id => this.get(Number(id)),
    );
    if (created) await this.notifier.changed({ kind: 'intake', key: String(value.id) });
    return value;
  }

  async decide(id: number, status: IntakeDecision['status'], input: IntakeDecisionInput, actor: Actor) {
    await this.store.transaction(async tx => {
      const request = await tx.intake.get(id);
      if (!request) throw new NotFoundError(`No intake request ${id}`);
      if (request.status !== 'submitted') {
        throw new ConflictError(`Intake request ${id} is already ${request.status}`);
      }
      if (request.version !== input.version) {
        throw new ConflictError(
          `Intake request ${id} was changed by someone else (version ${request.version}, yours ${input.version}); reload and try again`,
        );
      }
      const decided = await tx.intake.decide(id, { status, decidedBy: actor.ref, reason: input.reason ?? null }, input.version);
      if (!decided) throw new ConflictError(`Intake request ${id} was decided concurrently; reload`);
    });
    await this.notifier.changed({ kind: 'intake', key: String(id) });
    return this.get(id);
  }
}
