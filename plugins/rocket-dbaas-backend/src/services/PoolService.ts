import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { Page, Server } from '@internal/plugin-rocket-dbaas-common';
import { ClaimRequest, NewServer, Paging, RocketStore, ServerFilters } from '../database/RocketStore';
import { Actor } from './Actor';
import { ChangeNotifier } from './ChangeNotifier';

export type RegisterPoolServer = Omit<NewServer, 'role' | 'health' | 'clusterId'>;

/** The pool of pre-built servers that clusters are built from. */
export interface PoolService {
  list(query: Paging & ServerFilters & { includeClaimed?: boolean }): Promise<Page<Server>>;
  register(servers: RegisterPoolServer[], actor: Actor): Promise<Server[]>;
  claim(request: Omit<ClaimRequest, 'claimedBy'>, actor: Actor): Promise<Server[]>;
  release(hostname: string, actor: Actor): Promise<Server>;
}

export class DefaultPoolService implements PoolService {
  constructor(
    private readonly store: RocketStore,
    private readonly notifier: ChangeNotifier,
  ) {}

  list(query: Paging & ServerFilters & { includeClaimed?: boolean }) {
    const { includeClaimed, ...rest } = query;
    return this.store.servers.list({ ...rest, roles: includeClaimed ? ['pool', 'claimed'] : ['pool'] });
  }

  async register(servers: RegisterPoolServer[], actor: Actor) {
    await this.store.transaction(async tx => {
      const known = new Set((await tx.reference.datacenters()).map(d => d.code));
      servers.forEach((s, i) => {
        if (!known.has(s.datacenter)) {
          throw new InputError(`servers.${i}.datacenter: no datacenter with code ${s.datacenter}`);
        }
      });
      await tx.servers.insertMany(servers.map(s => ({ ...s, role: 'pool', health: 'up' })));
      for (const s of servers) {
        await tx.activities.insert({
          server: s.hostname,
          dbmsType: s.dbmsType,
          type: 'PoolRegister',
          status: 'succeeded',
          actor: actor.ref,
          details: `${s.hostname} (${s.cpu} CPU, ${s.ramGb} GB RAM, ${s.diskGb} GB disk) joined the ${s.environment} pool in ${s.datacenter}`,
        });
      }
    });
    await this.notifier.changed({ kind: 'pool' });
    const page = await this.store.servers.list({
      hostnames: servers.map(s => s.hostname),
      limit: servers.length,
      offset: 0,
    });
    return page.items;
  }

  async claim(request: Omit<ClaimRequest, 'claimedBy'>, actor: Actor) {
    const claimed = await this.store.transaction(async tx => {
      const servers = await tx.servers.claim({ ...request, claimedBy: actor.ref });
      for (const s of servers) {
        await tx.activities.insert({
          server: s.hostname,
          dbmsType: s.dbmsType,
          type: 'PoolClaim',
          status: 'succeeded',
          actor: actor.ref,
          details: `${s.hostname} claimed from the pool`,
        });
      }
      return servers;
    });
    await this.notifier.changed({ kind: 'pool' });
    return claimed;
  }

  async release(hostname: string, actor: Actor) {
    await this.store.transaction(async tx => {
      const server = await tx.servers.get(hostname);
      if (!server) throw new NotFoundError(`No server named ${hostname}`);
      if (server.role !== 'claimed' && !(server.cluster === null && server.role === 'configuring')) {
        throw new ConflictError(
          server.role === 'pool'
            ? `${hostname} is already in the pool`
            : `${hostname} is a ${server.role} of cluster ${server.cluster}; decommission the cluster to free it`,
        );
      }
      await tx.servers.returnToPool({ hostname });
      await tx.activities.insert({
        server: hostname,
        dbmsType: server.dbmsType,
        type: 'PoolRelease',
        status: 'succeeded',
        actor: actor.ref,
        details: `${hostname} released back to the pool`,
      });
    });
    await this.notifier.changed({ kind: 'pool', key: hostname });
    return (await this.store.servers.get(hostname))!;
  }
}
