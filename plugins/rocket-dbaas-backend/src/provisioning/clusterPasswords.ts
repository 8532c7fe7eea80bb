import { createHmac } from 'node:crypto';

/**
 * A cluster's database passwords, derived from a secret seed and the cluster's
 * name: nothing is stored, and whoever holds the seed can derive them again.
 */
export function clusterPasswords(seed: string, cluster: string) {
  const derive = (role: string) => createHmac('sha256', seed).update(`${cluster}:${role}`).digest('base64url');
  return { superuser: derive('superuser'), replication: derive('replication') };
}
