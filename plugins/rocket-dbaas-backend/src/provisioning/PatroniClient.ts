/** A member as Patroni's REST API lists it. */
export type PatroniMember = { name: string; host: string; role: 'leader' | 'replica' | 'sync_standby' | string; state: string; lag?: number };

/** Reads a Patroni cluster's topology through its REST API. */
export async function patroniMembers(address: string, port = 8008): Promise<PatroniMember[]> {
  const res = await fetch(`http://${address}:${port}/cluster`, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`Patroni on ${address}:${port} answered ${res.status}`);
  return ((await res.json()) as { members: PatroniMember[] }).members;
}

/** The PostgreSQL version a member runs, e.g. 150010 for 15.10. */
export async function patroniServerVersion(address: string, port = 8008): Promise<number | null> {
  const res = await fetch(`http://${address}:${port}/patroni`, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) return null;
  return ((await res.json()) as { server_version?: number }).server_version ?? null;
}
