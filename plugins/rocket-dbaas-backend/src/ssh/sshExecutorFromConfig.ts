import { Config } from '@backstage/config';
import fs from 'node:fs';
import path from 'node:path';
import { NodeSshExecutor } from './NodeSshExecutor';
import { SshExecutor } from './SshExecutor';

/**
 * The SSH executor of the configured private key: rocketDbaas.ssh.privateKey
 * (a secret) or privateKeyPath (read when used, so a lab built after the
 * backend started is picked up). Undefined while neither is there.
 */
export function sshExecutorFromConfig(config: Config): () => SshExecutor | undefined {
  const key = config.getOptionalString('rocketDbaas.ssh.privateKey');
  const keyPath = config.getOptionalString('rocketDbaas.ssh.privateKeyPath');
  const timeoutSeconds = config.getOptionalNumber('rocketDbaas.ssh.commandTimeoutSeconds') ?? 60;
  const maxOutputBytes = config.getOptionalNumber('rocketDbaas.ssh.maxOutputBytes') ?? 1_000_000;
  return () => {
    const pem = key ?? (keyPath && fs.existsSync(path.resolve(keyPath)) ? fs.readFileSync(path.resolve(keyPath), 'utf8') : undefined);
    return pem ? new NodeSshExecutor(pem, { timeoutSeconds, maxOutputBytes }) : undefined;
  };
}
