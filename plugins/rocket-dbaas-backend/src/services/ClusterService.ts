import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  Activity,
  BackupRetention,
  ClusterWithServers,
  DbmsType,
  EnvironmentName,
  MaintenanceWindow,
  OverviewSummary,
  Page,
  RequestedResources,
} from '@internal/plugin-rocket-dbaas-common';
import { ClusterQuery, ClusterPatch, ClusterRef, Paging, RocketStore } from '../database/RocketStore';
import { Operation } from '../database/KnexOperationStore';
import { PROVISION_CLUSTER } from '../provisioning/ProvisionClusterHandler';
import { Actor } from './Actor';
import { ChangeNotifier } from './ChangeNotifier';
import { claimPoolServers } from './claimPoolServers';
import { createOnce } from './idempotency';

const CREATE_SCOPE = 'cluster-create';

export type CreateClusterInput = {
  name: string;
  dbmsType: DbmsType;
  application: string;
  environment: EnvironmentName;
  tls: boolean;
  backupRetention: BackupRetention;
  maintenanceWindow: MaintenanceWindow;
  requested: RequestedResources;
  description?: string | null;
  /** Pool servers to claim for the cluster, all or none. */
  servers?: string[];
  /** Queue the provisioning operation in the same transaction. */
  provision?: boolean;
  /** The approved intake request the cluster fulfils. */
  intakeRequestId?: number;
};

export type UpdateClusterInput = Partial<
  Pick<CreateClusterInput, 'application' | 'tls' | 'backupRetention' | 'maintenanceWindow' | 'requested' | 'description'>
> & { health?: ClusterPatch['health']; version?: number };

/** Clusters: the inventory's centre, with their servers, ports and audit log. */
export interface ClusterService {
  list(query: ClusterQuery): Promise<Page<ClusterWithServers>>;
  get(name: string): Promise<ClusterWithServers>;
  /**
   * Creates a cluster. With an idempotency key, a retry with the same body
   * answers with the cluster the first call created and changes nothing; the
   * same key with another body is refused (422).
   */
  create(input: CreateClusterInput, actor: Actor, idempotencyKey?: string): Promise<ClusterWithServers>;
  update(name: string, input: UpdateClusterInput, actor: Actor): Promise<ClusterWithServers>;
  decommission(name: string, input: { ticketUrl?: string; reason?: string }, actor: Actor): Promise<ClusterWithServers>;
  summary(): Promise<OverviewSummary>;
  activities(name: string, paging: Paging): Promise<Page<Activity>>;
  activitiesOf(dbmsType: DbmsType, query: Paging & { type?: Activity['type'] }): Promise<Page<Activity>>;
  /** The cluster's operations, newest first, with their logs. */
  operations(name: string): Promise<Operation[]>;
}

export async function requireCluster(store: RocketStore, name: string): Promise<ClusterRef> {
  const ref = await store.clusters.getRef(name);
  if (!ref) throw new NotFoundError(`No cluster named ${name}`);
  return ref;
}

async function requireApplicationId(store: RocketStore, name: string): Promise<number> {
  const app = await store.directory.getApplication(name);
  if (!app) throw new InputError(`application: no application named ${name}`);
  return app.id;
}

function describeChanges(input: UpdateClusterInput): string {
  return Object.entries(input)
    .filter(([key, value]) => key !== 'version' && value !== undefined)
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(', ');
}

export class DefaultClusterService implements ClusterService {
  constructor(
    private readonly store: RocketStore,
    private readonly notifier: ChangeNotifier,
  ) {}

  list(query: ClusterQuery) {
    return this.store.clusters.list(query);
  }

  async get(name: string) {
    const cluster = await this.store.clusters.get(name);
    if (!cluster) throw new NotFoundError(`No cluster named ${name}`);
    return cluster;
  }

  async create(input: CreateClusterInput, actor: Actor, idempotencyKey?: string) {
    const { value, created } = await createOnce(
      this.store,
      { scope: CREATE_SCOPE, actor, key: idempotencyKey, body: input },
      async tx => {
        await this.insert(tx, input, actor);
        return input.name;
      },
      name => this.get(name),
    );
    if (created) {
      await this.notifier.changed({ kind: 'cluster', key: input.name, cluster: input.name });
      if (input.intakeRequestId) await this.notifier.changed({ kind: 'intake', key: String(input.intakeRequestId) });
    }
    return value;
  }

  private async insert(tx: RocketStore, input: CreateClusterInput, actor: Actor) {
    const applicationId = await requireApplicationId(tx, input.application);
    const claimed = input.servers?.length ? await claimPoolServers(tx, input.servers, input, actor) : [];
    const id = await tx.clusters.insert({
      name: input.name,
      dbmsType: input.dbmsType,
      applicationId,
      environment: input.environment,
      lifecycle: input.provision ? 'provisioning' : 'requested',
      health: 'configuring',
      tls: input.tls,
      backupRetention: input.backupRetention,
      maintenanceWindow: input.maintenanceWindow,
      requested: input.requested,
      description: input.description ?? null,
    });
    const [readWritePort, readOnlyPort] = await tx.ports.allocatePair(id);
    await tx.clusters.update(id, { readWritePort, readOnlyPort }, 1);
    if (claimed.length) await tx.servers.assign(input.servers!, id, 'configuring');
    if (input.provision) {
      await tx.operations.create({ type: PROVISION_CLUSTER, target: input.name, payload: {}, requestedBy: actor.ref });
    }
    if (input.intakeRequestId && !(await tx.intake.fulfil(input.intakeRequestId, input.name))) {
      throw new InputError(`intakeRequestId: intake request ${input.intakeRequestId} is not an approved request`);
    }
    await tx.activities.insert({
      clusterId: id,
      dbmsType: input.dbmsType,
      type: 'Create',
      status: 'succeeded',
      actor: actor.ref,
      details: `Cluster created with ports ${readWritePort} (read-write) and ${readOnlyPort} (read-only)${
        claimed.length ? ` on ${input.servers!.join(', ')}` : ''
      }${input.intakeRequestId ? ` for intake request ${input.intakeRequestId}` : ''}`,
    });
  }

  async update(name: string, input: UpdateClusterInput, actor: Actor) {
    await this.store.transaction(async tx => {
      const ref = await requireCluster(tx, name);
      if (ref.lifecycle === 'decommissioned') throw new ConflictError(`Cluster ${name} is decommissioned`);
      if (input.version !== undefined && input.version !== ref.version) {
        throw new ConflictError(
          `Cluster ${name} was changed by someone else (version ${ref.version}, yours ${input.version}); reload and try again`,
        );
      }
      const { application, version: _version, ...rest } = input;
      const patch: ClusterPatch = { ...rest };
      if (application !== undefined) patch.applicationId = await requireApplicationId(tx, application);
      if (!(await tx.clusters.update(ref.id, patch, ref.version))) {
        throw new ConflictError(`Cluster ${name} was changed concurrently; reload and try again`);
      }
      await tx.activities.insert({
        clusterId: ref.id,
        dbmsType: ref.dbmsType,
        type: 'ConfigChange',
        status: 'succeeded',
        actor: actor.ref,
        details: describeChanges(input),
      });
    });
    await this.notifier.changed({ kind: 'cluster', key: name, cluster: name });
    return this.get(name);
  }

  async decommission(name: string, input: { ticketUrl?: string; reason?: string }, actor: Actor) {
    await this.store.transaction(async tx => {
      const ref = await requireCluster(tx, name);
      if (ref.lifecycle === 'decommissioned') throw new ConflictError(`Cluster ${name} is already decommissioned`);
      const released = await tx.servers.returnToPool({ clusterId: ref.id });
      await tx.ports.freeForCluster(ref.id);
      await tx.clusters.update(
        ref.id,
        { lifecycle: 'decommissioned', health: 'down', readWritePort: null, readOnlyPort: null, decommissionedAt: new Date().toISOString() },
        ref.version,
      );
      await tx.activities.insert({
        clusterId: ref.id,
        dbmsType: ref.dbmsType,
        type: 'Decommission',
        status: 'succeeded',
        actor: actor.ref,
        ticketUrl: input.ticketUrl ?? null,
        details: `${input.reason ? `${input.reason}. ` : ''}${released} server(s) returned to the pool, ports freed`,
      });
    });
    await this.notifier.changed({ kind: 'cluster', key: name, cluster: name });
    return this.get(name);
  }

  async summary(): Promise<OverviewSummary> {
    return this.store.clusters.counts();
  }

  async activities(name: string, paging: Paging) {
    const ref = await requireCluster(this.store, name);
    return this.store.activities.list({ ...paging, clusterId: ref.id });
  }

  activitiesOf(dbmsType: DbmsType, query: Paging & { type?: Activity['type'] }) {
    return this.store.activities.list({ ...query, dbmsType });
  }

  async operations(name: string) {
    await requireCluster(this.store, name);
    return this.store.operations.listForTarget(name);
  }
}
