import { IntakeRequest, IntakeRequestInput, IntakeStatus } from '@internal/plugin-rocket-dbaas-common';
import { Knex } from 'knex';
import { IntakeDecision, IntakeStore, Paging } from './RocketStore';
import { insertedId, nowIso, readPage, toIso, toIsoOrNull } from './conversions';

/** Dates come back as Date (PostgreSQL) or text (SQLite); the API speaks YYYY-MM-DD. */
function toDate(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}

function toIntake(row: Record<string, any>): IntakeRequest {
  return {
    id: Number(row.id),
    status: row.status,
    application: row.application,
    owner: row.owner,
    contacts: JSON.parse(row.contacts),
    environments: JSON.parse(row.environments),
    dbmsType: row.dbms_type,
    expectedSizeGb: Number(row.expected_size_gb),
    growthGbPerMonth: Number(row.growth_gb_per_month),
    workload: row.workload,
    availability: row.availability,
    rpoMinutes: Number(row.rpo_minutes),
    rtoMinutes: Number(row.rto_minutes),
    dataSensitivity: row.data_sensitivity,
    maintenanceWindow: { weekday: row.maintenance_weekday, start: row.maintenance_start },
    costCentre: row.cost_centre,
    goLiveDate: toDate(row.go_live_date),
    notes: row.notes ?? null,
    requestedBy: row.requested_by,
    decidedBy: row.decided_by ?? null,
    decidedAt: toIsoOrNull(row.decided_at),
    decisionReason: row.decision_reason ?? null,
    cluster: row.cluster_name ?? null,
    version: Number(row.version),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export class KnexIntakeStore implements IntakeStore {
  constructor(private readonly db: Knex | Knex.Transaction) {}

  async list(query: Paging & { status?: IntakeStatus }) {
    const base = this.db('intake_requests');
    if (query.status) base.where({ status: query.status });
    const { rows, totalCount } = await readPage(base, query, b => b.select('*').orderBy('id', 'desc'));
    return { items: rows.map(toIntake), totalCount };
  }

  async get(id: number) {
    const row = await this.db('intake_requests').where({ id }).first();
    return row ? toIntake(row) : undefined;
  }

  async insert(request: IntakeRequestInput, requestedBy: string) {
    const now = nowIso();
    const result = await this.db('intake_requests')
      .insert({
        status: 'submitted',
        application: request.application,
        owner: request.owner,
        contacts: JSON.stringify(request.contacts),
        environments: JSON.stringify(request.environments),
        dbms_type: request.dbmsType,
        expected_size_gb: request.expectedSizeGb,
        growth_gb_per_month: request.growthGbPerMonth,
        workload: request.workload,
        availability: request.availability,
        rpo_minutes: request.rpoMinutes,
        rto_minutes: request.rtoMinutes,
        data_sensitivity: request.dataSensitivity,
        maintenance_weekday: request.maintenanceWindow.weekday,
        maintenance_start: request.maintenanceWindow.start,
        cost_centre: request.costCentre,
        go_live_date: request.goLiveDate,
        notes: request.notes,
        requested_by: requestedBy,
        created_at: now,
        updated_at: now,
      })
      .returning('id');
    return insertedId(result);
  }

  async decide(id: number, decision: IntakeDecision, version: number) {
    const now = nowIso();
    const changed = await this.db('intake_requests')
      .where({ id, version, status: 'submitted' })
      .update({
        status: decision.status,
        decided_by: decision.decidedBy,
        decided_at: now,
        decision_reason: decision.reason,
        version: version + 1,
        updated_at: now,
      });
    return changed === 1;
  }

  async fulfil(id: number, cluster: string) {
    const changed = await this.db('intake_requests')
      .where({ id })
      .whereIn('status', ['approved', 'fulfilled'])
      .update({
        status: 'fulfilled',
        cluster_name: this.db.raw('coalesce(cluster_name, ?)', [cluster]),
        version: this.db.raw('version + 1'),
        updated_at: nowIso(),
      });
    return changed === 1;
  }
}
