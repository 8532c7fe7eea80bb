import { ConflictError, InputError } from '@backstage/errors';
import { ClusterWithServers } from '@internal/plugin-rocket-dbaas-common';
import { RocketStore } from '../database/RocketStore';
import { PROVISION_CLUSTER } from '../provisioning/ProvisionClusterHandler';
import { Actor } from './Actor';
import { ChangeNotifier } from './ChangeNotifier';
import { claimPoolServers } from './claimPoolServers';
import { ClusterService, requireCluster } from './ClusterService';

/** Starts the provisioning of a requested cluster, or retries that of a failed one. */
export interface ProvisioningService {
  /**
   * Queues a provisioning operation. A failed cluster gave its servers back:
   * name the servers to claim (the same ones, or others). A requested cluster
   * may use the servers it holds.
   */
  provision(name: string, input: { servers?: string[] }, actor: Actor): Promise<ClusterWithServers>;
}

export class DefaultProvisioningService implements ProvisioningService {
  constructor(
    private readonly store: RocketStore,
    private readonly notifier: ChangeNotifier,
    private readonly clusters: ClusterService,
  ) {}

  async provision(name: string, input: { servers?: string[] }, actor: Actor) {
    await this.store.transaction(async tx => {
      const ref = await requireCluster(tx, name);
      if (ref.lifecycle !== 'failed' && ref.lifecycle !== 'requested') {
        throw new ConflictError(`Cluster ${name} is ${ref.lifecycle}; only a requested or failed cluster can be provisioned`);
      }
      const pending = (await tx.operations.listForTarget(name, 5)).find(op => op.status === 'queued' || op.status === 'running');
      if (pending) throw new ConflictError(`Cluster ${name} already has provisioning operation ${pending.id} ${pending.status}`);
      const cluster = (await tx.clusters.get(name))!;
      if (input.servers?.length && cluster.servers.length) {
        throw new InputError(`servers: cluster ${name} holds ${cluster.servers.map(s => s.hostname).join(', ')}; provision it on those`);
      }
      const hostnames = input.servers?.length ? input.servers : cluster.servers.map(s => s.hostname);
      if (!hostnames.length) throw new InputError(`servers: cluster ${name} holds no servers; name the pool servers to build it on`);
      if (input.servers?.length) {
        await claimPoolServers(tx, input.servers, cluster, actor);
        await tx.servers.assign(input.servers, ref.id, 'configuring');
      }
      const ports =
        cluster.readWritePort === null || cluster.readOnlyPort === null
          ? await tx.ports.allocatePair(ref.id)
          : [cluster.readWritePort, cluster.readOnlyPort];
      const [readWritePort, readOnlyPort] = ports;
      if (!(await tx.clusters.update(ref.id, { lifecycle: 'provisioning', health: 'configuring', readWritePort, readOnlyPort }, ref.version))) {
        throw new ConflictError(`Cluster ${name} was changed concurrently; try again`);
      }
      const operationId = await tx.operations.create({ type: PROVISION_CLUSTER, target: name, payload: {}, requestedBy: actor.ref });
      await tx.activities.insert({
        clusterId: ref.id,
        dbmsType: ref.dbmsType,
        type: 'Create',
        status: 'started',
        actor: actor.ref,
        details: `Provisioning ${ref.lifecycle === 'failed' ? 'retried' : 'started'} as operation ${operationId} on ${hostnames.join(', ')}, ports ${readWritePort} (read-write) and ${readOnlyPort} (read-only)`,
      });
    });
    await this.notifier.changed({ kind: 'cluster', key: name, cluster: name });
    return this.clusters.get(name);
  }
}
