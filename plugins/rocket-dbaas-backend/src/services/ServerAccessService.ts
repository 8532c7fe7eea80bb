import { AuditorService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { Server } from '@internal/plugin-rocket-dbaas-common';
import { RocketStore } from '../database/RocketStore';
import { remoteCommands } from '../ssh/remoteCommands';
import { CommandResult, HostKeyRefusedError, RunOptions, SshExecutor } from '../ssh/SshExecutor';
import { Actor } from './Actor';
import { ChangeNotifier } from './ChangeNotifier';

export type ConnectionCheck = { server: Server; osVersion: string | null; kernelHostname: string };

/** Reaching servers over SSH, with host keys pinned at enrolment. */
export interface ServerAccessService {
  /** The explicit enrolment step: connects, and pins the key the server presents. */
  enrol(hostname: string, options: { replace: boolean }, actor: Actor): Promise<Server>;
  /** Connects with the pinned key and reads the server's name and OS. */
  check(hostname: string, actor: Actor): Promise<ConnectionCheck>;
  /** Runs one of Rocket's fixed commands; a refused host key is recorded and thrown as 409. */
  run(hostname: string, command: string[], actor: Actor, options?: RunOptions): Promise<CommandResult>;
}

function prettyName(osRelease: string): string | null {
  return osRelease.match(/^PRETTY_NAME="?([^"\n]*)"?$/m)?.[1] ?? null;
}

export class DefaultServerAccessService implements ServerAccessService {
  constructor(
    private readonly store: RocketStore,
    private readonly notifier: ChangeNotifier,
    private readonly auditor: AuditorService,
    private readonly ssh: () => SshExecutor | undefined,
  ) {}

  private executor(): SshExecutor {
    const ssh = this.ssh();
    if (!ssh) throw new ServiceUnavailableError('SSH is not configured: set rocketDbaas.ssh.privateKey or privateKeyPath');
    return ssh;
  }

  private async server(hostname: string): Promise<Server> {
    const server = await this.store.servers.get(hostname);
    if (!server) throw new NotFoundError(`No server named ${hostname}`);
    return server;
  }

  private async clusterId(server: Server) {
    return server.cluster ? (await this.store.clusters.getRef(server.cluster))?.id ?? null : null;
  }

  async enrol(hostname: string, options: { replace: boolean }, actor: Actor) {
    const server = await this.server(hostname);
    if (server.hostKeyFingerprint && !options.replace) {
      throw new ConflictError(`${hostname} already has a pinned host key; send replace: true to trust a new one`);
    }
    const { fingerprint, publicKey } = await this.executor().enrol({
      hostname,
      address: server.address,
      port: server.sshPort,
      username: server.sshUser,
    });
    await this.store.transaction(async tx => {
      await tx.servers.update(hostname, {
        hostKeyFingerprint: fingerprint,
        hostPublicKey: publicKey,
        hostKeyMismatchAt: null,
        hostKeyPresented: null,
      });
      await tx.activities.insert({
        clusterId: await this.clusterId(server),
        server: hostname,
        dbmsType: server.dbmsType,
        type: 'HostKeyEnrol',
        status: 'succeeded',
        actor: actor.ref,
        details: server.hostKeyFingerprint
          ? `Host key ${fingerprint} replaces ${server.hostKeyFingerprint}`
          : `Host key ${fingerprint} pinned`,
      });
    });
    await this.notifier.changed({ kind: 'server', key: hostname, cluster: server.cluster ?? undefined });
    return this.server(hostname);
  }

  async run(hostname: string, command: string[], actor: Actor, options?: RunOptions) {
    const server = await this.server(hostname);
    const target = {
      hostname,
      address: server.address,
      port: server.sshPort,
      username: server.sshUser,
      hostKeyFingerprint: server.hostKeyFingerprint,
    };
    try {
      const result = await this.executor().run(target, command, options);
      await this.store.servers.update(hostname, { lastContactAt: new Date().toISOString() });
      return result;
    } catch (error) {
      if (error instanceof HostKeyRefusedError) {
        await this.recordRefusal(server, error, actor);
        throw new ConflictError(error.message);
      }
      throw error;
    }
  }

  private async recordRefusal(server: Server, error: HostKeyRefusedError, actor: Actor) {
    const event = await this.auditor.createEvent({
      eventId: 'ssh-host-key-refused',
      severityLevel: 'high',
      meta: { hostname: server.hostname, pinned: error.expected, presented: error.presented },
    });
    await event.fail({ error });
    await this.store.transaction(async tx => {
      await tx.servers.update(server.hostname, {
        hostKeyMismatchAt: new Date().toISOString(),
        hostKeyPresented: error.presented,
      });
      await tx.activities.insert({
        clusterId: await this.clusterId(server),
        server: server.hostname,
        dbmsType: server.dbmsType,
        type: 'HostKeyMismatch',
        planned: false,
        status: 'failed',
        actor: actor.ref,
        details: error.message,
      });
    });
    await this.notifier.changed({ kind: 'server', key: server.hostname, cluster: server.cluster ?? undefined });
  }

  async check(hostname: string, actor: Actor): Promise<ConnectionCheck> {
    const { stdout } = await this.run(hostname, remoteCommands.identify(), actor, { timeoutSeconds: 20 });
    const [kernelHostname, ...release] = stdout.split('\n');
    const osVersion = prettyName(release.join('\n'));
    if (osVersion) await this.store.servers.update(hostname, { osVersion });
    await this.notifier.changed({ kind: 'server', key: hostname });
    return { server: await this.server(hostname), osVersion, kernelHostname: kernelHostname.trim() };
  }
}
