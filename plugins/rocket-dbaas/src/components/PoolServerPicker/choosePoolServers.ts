import { Server } from '@internal/plugin-rocket-dbaas-common';

/**
 * The servers a new cluster should get: `count` of the matching ones whose
 * host key is pinned and was not refused (Rocket reaches no other), taken in turn from each
 * datacenter so that a cluster spans two when it can.
 */
export function choosePoolServers(servers: Server[], count: number): string[] {
  const byDatacenter = new Map<string, Server[]>();
  for (const s of servers.filter(isEnrolled)) byDatacenter.set(s.datacenter, [...(byDatacenter.get(s.datacenter) ?? []), s]);
  const queues = [...byDatacenter.values()];
  const chosen: string[] = [];
  for (let round = 0; chosen.length < count && queues.some(q => q.length > round); round++) {
    for (const queue of queues) {
      if (chosen.length < count && queue[round]) chosen.push(queue[round].hostname);
    }
  }
  return chosen;
}

/** Rocket only provisions servers whose host key it pinned, and that last presented that key. */
export function isEnrolled(server: Server): boolean {
  return server.hostKeyFingerprint !== null && server.hostKeyMismatchAt === null;
}

/** Why a server cannot be picked, for the picker's list; empty when it can. */
export function notEnrolledReason(server: Server): string {
  if (server.hostKeyFingerprint === null) return 'host key not enrolled: Rocket cannot reach it yet';
  if (server.hostKeyMismatchAt !== null) return 'its host key changed and was refused: a DBA must enrol it again';
  return '';
}
