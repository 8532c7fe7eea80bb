import { createHash } from 'node:crypto';

/** The OpenSSH form of a host key's fingerprint: SHA256:<base64 without padding>. */
export function hostKeyFingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}
