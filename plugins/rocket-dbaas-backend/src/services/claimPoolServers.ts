import { InputError } from '@backstage/errors';
import { DbmsType, EnvironmentName, Server } from '@internal/plugin-rocket-dbaas-common';
import { RocketStore } from '../database/RocketStore';
import { Actor } from './Actor';

/**
 * Claims the named pool servers for a cluster of the given environment and
 * DBMS, all or none (call it in a transaction): unknown names are a 400, taken
 * servers a 409 from the store, servers of another kind a 400.
 */
export async function claimPoolServers(
  tx: RocketStore,
  hostnames: string[],
  kind: { environment: EnvironmentName; dbmsType: DbmsType },
  actor: Actor,
): Promise<Server[]> {
  const found = await tx.servers.list({ hostnames, limit: hostnames.length, offset: 0 });
  const unknown = hostnames.filter(h => !found.items.some(s => s.hostname === h));
  if (unknown.length) throw new InputError(`servers: no server named ${unknown.join(', ')}`);
  const claimed = await tx.servers.claim({ hostnames, claimedBy: actor.ref });
  const mismatched = claimed.find(s => s.environment !== kind.environment || s.dbmsType !== kind.dbmsType);
  if (mismatched) {
    throw new InputError(
      `servers: ${mismatched.hostname} is a ${mismatched.environment} ${mismatched.dbmsType} server, not ${kind.environment} ${kind.dbmsType}`,
    );
  }
  return claimed;
}
