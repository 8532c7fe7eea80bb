import { createHash } from 'node:crypto';

/** The OpenSSH form of a host key's fingerprint: SHA256:<base64 without padding>. */
export function hostKeyFingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** The known_hosts form of a host key in SSH wire format: "<type> <base64>". */
export function hostPublicKeyLine(key: Buffer): string {
  const typeLength = key.readUInt32BE(0);
  return `${key.subarray(4, 4 + typeLength).toString('ascii')} ${key.toString('base64')}`;
}
