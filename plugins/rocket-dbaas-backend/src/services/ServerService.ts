import { NotFoundError } from '@backstage/errors';
import { Activity, Page, Server } from '@internal/plugin-rocket-dbaas-common';
import { Paging, RocketStore, ServerPatch, ServerQuery } from '../database/RocketStore';
import { Actor } from './Actor';
import { ChangeNotifier } from './ChangeNotifier';

/** Servers, wherever they are: in a cluster or in the pool. */
export interface ServerService {
  list(query: ServerQuery): Promise<Page<Server>>;
  get(hostname: string): Promise<Server>;
  update(hostname: string, patch: ServerPatch, actor: Actor): Promise<Server>;
  activities(hostname: string, paging: Paging): Promise<Page<Activity>>;
}

export class DefaultServerService implements ServerService {
  constructor(
    private readonly store: RocketStore,
    private readonly notifier: ChangeNotifier,
  ) {}

  list(query: ServerQuery) {
    return this.store.servers.list(query);
  }

  async get(hostname: string) {
    const server = await this.store.servers.get(hostname);
    if (!server) throw new NotFoundError(`No server named ${hostname}`);
    return server;
  }

  async activities(hostname: string, paging: Paging) {
    await this.get(hostname);
    return this.store.activities.list({ ...paging, server: hostname });
  }

  async update(hostname: string, patch: ServerPatch, actor: Actor) {
    const before = await this.get(hostname);
    await this.store.transaction(async tx => {
      await tx.servers.update(hostname, patch);
      const cluster = before.cluster ? await tx.clusters.getRef(before.cluster) : undefined;
      await tx.activities.insert({
        clusterId: cluster?.id ?? null,
        server: hostname,
        dbmsType: before.dbmsType,
        type: 'ConfigChange',
        status: 'succeeded',
        actor: actor.ref,
        details: Object.entries(patch)
          .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
          .join(', '),
      });
    });
    await this.notifier.changed({ kind: 'server', key: hostname, cluster: before.cluster ?? undefined });
    return this.get(hostname);
  }
}
