import { ServerRole } from '@internal/plugin-rocket-dbaas-common';
import { Operation } from '../database/KnexOperationStore';
import { RocketStore } from '../database/RocketStore';
import { AnsibleRunner } from '../ansible/AnsibleRunner';
import { OperationHandler } from '../operations/OperationWorker';
import { ChangeNotifier } from '../services/ChangeNotifier';
import { clusterPasswords } from './clusterPasswords';
import { patroniMembers, patroniServerVersion } from './PatroniClient';

export const PROVISION_CLUSTER = 'provision-cluster';
const ACTOR = 'rocket-dbaas:provisioning';

/** Rocket's name for a Patroni member's role. */
function serverRole(patroniRole: string | undefined): ServerRole {
  if (patroniRole === 'leader') return 'primary';
  if (patroniRole === 'sync_standby') return 'sync-replica';
  return 'async-replica';
}

const versionText = (n: number) => `PostgreSQL ${Math.floor(n / 10000)}.${n % 10000}`;

/**
 * Provisions a cluster with ansible/provision.yml on its claimed servers, then
 * reads the real topology from Patroni. On failure the cluster is failed, its
 * servers go back to the pool and its ports are freed; the log is kept.
 */
export class ProvisionClusterHandler implements OperationHandler {
  constructor(
    private readonly store: RocketStore,
    private readonly notifier: ChangeNotifier,
    private readonly ansible: AnsibleRunner,
    private readonly passwordSeed: () => string | undefined,
    private readonly timeoutSeconds = 900,
  ) {}

  async run(operation: Operation, log: (text: string) => void, signal: AbortSignal): Promise<void> {
    const name = operation.target;
    const cluster = await this.store.clusters.get(name);
    if (!cluster) throw new Error(`Cluster ${name} is gone`);
    if (cluster.servers.length === 0) throw new Error(`Cluster ${name} has no servers to provision`);
    const seed = this.passwordSeed();
    if (!seed) throw new Error('No password seed is configured (rocketDbaas.provisioning.passwordSeedPath)');
    const passwords = clusterPasswords(seed, name);
    await this.notifier.changed({ kind: 'cluster', key: name, cluster: name });

    const result = await this.ansible.run({
      playbook: 'provision.yml',
      hosts: cluster.servers.map(s => ({
        name: s.hostname,
        address: s.address,
        port: s.sshPort,
        user: s.sshUser,
        hostPublicKey: s.hostPublicKey,
        hostKeyFingerprint: s.hostKeyFingerprint,
      })),
      groups: { cluster: cluster.servers.map(s => s.hostname) },
      extraVars: {
        cluster_name: name,
        rw_port: cluster.readWritePort,
        ro_port: cluster.readOnlyPort,
        pg_superuser_password: passwords.superuser,
        pg_replication_password: passwords.replication,
      },
      timeoutSeconds: this.timeoutSeconds,
      onOutput: log,
      signal,
    });
    if (result.aborted) throw new Error('stopped: the backend is shutting down');
    if (result.timedOut) throw new Error(`ansible-playbook ran past ${this.timeoutSeconds} s and was stopped`);
    if (result.exitCode !== 0) throw new Error(`ansible-playbook exited with ${result.exitCode}`);

    const members = await patroniMembers(cluster.servers[0].address);
    log(`[rocket] Patroni reports ${members.map(m => `${m.name}=${m.role}/${m.state}`).join(', ')}\n`);
    const versions = await Promise.all(cluster.servers.map(s => patroniServerVersion(s.address)));
    await this.store.transaction(async tx => {
      // read inside the transaction: someone may have edited the cluster while it was provisioned
      const ref = await tx.clusters.getRef(name);
      if (!ref) throw new Error(`Cluster ${name} is gone`);
      for (const [i, s] of cluster.servers.entries()) {
        const member = members.find(m => m.name === s.hostname);
        const role = serverRole(member?.role);
        await tx.servers.update(s.hostname, {
          role,
          health: member?.state === 'running' || member?.state === 'streaming' ? 'up' : 'up-with-issues',
          dbVersion: versions[i] ? versionText(versions[i]!) : null,
          dbVersionNumber: versions[i],
        });
      }
      // a concurrent edit bumps the version: take the new one, the edit's fields stay
      let version = ref.version;
      while (!(await tx.clusters.update(ref.id, { lifecycle: 'active', health: 'up' }, version))) {
        version = (await tx.clusters.getRef(name))!.version;
      }
      await tx.activities.insert({
        clusterId: ref.id,
        dbmsType: ref.dbmsType,
        type: 'Create',
        status: 'succeeded',
        actor: ACTOR,
        startedAt: operation.startedAt ?? undefined,
        details: `Provisioned: ${members.map(m => `${m.name} ${m.role}`).join(', ')}; read-write port ${cluster.readWritePort}, read-only port ${cluster.readOnlyPort}`,
      });
    });
    await this.notifier.changed({ kind: 'cluster', key: name, cluster: name });
  }

  async onFailure(operation: Operation, reason: string): Promise<void> {
    const name = operation.target;
    await this.store.transaction(async tx => {
      const ref = await tx.clusters.getRef(name);
      if (!ref) return;
      const released = await tx.servers.returnToPool({ clusterId: ref.id });
      await tx.ports.freeForCluster(ref.id);
      await tx.clusters.update(ref.id, { lifecycle: 'failed', health: 'down', readWritePort: null, readOnlyPort: null }, ref.version);
      await tx.activities.insert({
        clusterId: ref.id,
        dbmsType: ref.dbmsType,
        type: 'Create',
        status: 'failed',
        planned: true,
        actor: ACTOR,
        details: `Provisioning failed: ${reason}. ${released} server(s) went back to the pool and the ports were freed; the log is kept with operation ${operation.id}.`,
      });
    });
    await this.notifier.changed({ kind: 'cluster', key: name, cluster: name });
  }
}
