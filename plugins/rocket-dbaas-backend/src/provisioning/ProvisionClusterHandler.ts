import { Server, ServerRole } from '@internal/plugin-rocket-dbaas-common';
import { Operation } from '../database/KnexOperationStore';
import { ClusterPatch, RocketStore } from '../database/RocketStore';
import { AnsibleResult, AnsibleRunner } from '../ansible/AnsibleRunner';
import { OperationHandler } from '../operations/OperationWorker';
import { ChangeNotifier } from '../services/ChangeNotifier';
import { ServerAccessService } from '../services/ServerAccessService';
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

/** Updates a cluster at whatever version it has now: a concurrent edit bumps it, and keeps its own fields. */
async function updateAtLatestVersion(tx: RocketStore, name: string, patch: ClusterPatch): Promise<void> {
  for (;;) {
    const ref = await tx.clusters.getRef(name);
    if (!ref || (await tx.clusters.update(ref.id, patch, ref.version))) return;
  }
}

/**
 * Provisions a cluster on its claimed servers: first a check of every server
 * over SSH with its pinned host key (a refused key is recorded on the server
 * and in the audit log, and nothing runs anywhere), then ansible/provision.yml,
 * then the real topology from Patroni. A playbook that fails is undone with
 * ansible/release.yml. On failure the cluster is failed, its servers go back
 * to the pool and its ports are freed; the log is kept.
 */
export class ProvisionClusterHandler implements OperationHandler {
  constructor(
    private readonly store: RocketStore,
    private readonly notifier: ChangeNotifier,
    private readonly ansible: AnsibleRunner,
    private readonly access: ServerAccessService,
    private readonly passwordSeed: () => string | undefined,
    private readonly timeoutSeconds = 900,
  ) {}

  async run(operation: Operation, log: (text: string) => void, signal: AbortSignal, holdsLease: () => Promise<boolean>): Promise<void> {
    const name = operation.target;
    const cluster = await this.store.clusters.get(name);
    if (!cluster) throw new Error(`Cluster ${name} is gone`);
    if (cluster.servers.length === 0) throw new Error(`Cluster ${name} has no servers to provision`);
    const seed = this.passwordSeed();
    if (!seed) throw new Error('No password seed is configured (rocketDbaas.provisioning.passwordSeedPath)');
    const passwords = clusterPasswords(seed, name);
    await this.notifier.changed({ kind: 'cluster', key: name, cluster: name });
    await this.checkServers(cluster.servers, log);

    const target = {
      hosts: cluster.servers.map(s => ({
        name: s.hostname,
        address: s.address,
        port: s.sshPort,
        user: s.sshUser,
        hostPublicKey: s.hostPublicKey,
        hostKeyFingerprint: s.hostKeyFingerprint,
      })),
      groups: { cluster: cluster.servers.map(s => s.hostname) },
      timeoutSeconds: this.timeoutSeconds,
      onOutput: log,
      signal,
    };
    const result = await this.ansible.run({
      ...target,
      playbook: 'provision.yml',
      extraVars: {
        cluster_name: name,
        rw_port: cluster.readWritePort,
        ro_port: cluster.readOnlyPort,
        pg_tls: cluster.tls,
        pg_superuser_password: passwords.superuser,
        pg_replication_password: passwords.replication,
      },
    });
    // a backend that stops, or lost the operation to another one, leaves things as they are:
    // the next one resumes the playbook (and a release now could undo the new owner's work)
    if (result.aborted || !(await holdsLease())) throw new Error('stopped: the backend is shutting down or lost the operation');
    const failure = playbookFailure(result, this.timeoutSeconds);
    if (failure) {
      log('[rocket] undoing what the playbook started (release.yml)\n');
      const release = await this.ansible.run({ ...target, playbook: 'release.yml', extraVars: { cluster_name: name } });
      const released = playbookFailure(release, this.timeoutSeconds);
      throw new Error(released ? `${failure}; the release failed too (${released}): check the servers before they are reused` : failure);
    }

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
      await updateAtLatestVersion(tx, name, { lifecycle: 'active', health: 'up' });
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

  /**
   * Connects to every server with its pinned key and reads its OS. A refused
   * host key is recorded on the server and in the audit log by the access
   * service; any failure stops the provisioning before anything runs.
   */
  private async checkServers(servers: Server[], log: (text: string) => void) {
    const checks = await Promise.allSettled(servers.map(s => this.access.check(s.hostname, { ref: ACTOR })));
    const refused: string[] = [];
    for (const [i, check] of checks.entries()) {
      const hostname = servers[i].hostname;
      if (check.status === 'fulfilled') log(`[rocket] ${hostname}: reached with its pinned host key; ${check.value.osVersion ?? 'OS unknown'}\n`);
      else refused.push(`${hostname}: ${(check.reason as Error).message}`);
    }
    if (refused.length) {
      for (const line of refused) log(`[rocket] ${line}\n`);
      throw new Error(`nothing was run, as not every server could be reached safely (${refused.join('; ')})`);
    }
  }

  async onFailure(operation: Operation, reason: string): Promise<void> {
    const name = operation.target;
    await this.store.transaction(async tx => {
      const ref = await tx.clusters.getRef(name);
      if (!ref) return;
      const released = await tx.servers.returnToPool({ clusterId: ref.id });
      await tx.ports.freeForCluster(ref.id);
      await updateAtLatestVersion(tx, name, { lifecycle: 'failed', health: 'down', readWritePort: null, readOnlyPort: null });
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

function playbookFailure(result: AnsibleResult, timeoutSeconds: number): string | undefined {
  if (result.timedOut) return `ansible-playbook ran past ${timeoutSeconds} s and was stopped`;
  if (result.exitCode !== 0) return `ansible-playbook exited with ${result.exitCode}`;
  return undefined;
}
