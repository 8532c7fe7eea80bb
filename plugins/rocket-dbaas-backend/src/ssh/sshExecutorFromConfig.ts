import { Config } from '@backstage/config';
import { secretFromConfig } from '../provisioning/secretFromConfig';
import { NodeSshExecutor } from './NodeSshExecutor';
import { SshExecutor } from './SshExecutor';

/** Rocket's SSH private key: rocketDbaas.ssh.privateKey (a secret) or the file at privateKeyPath. */
export function sshPrivateKeyFromConfig(config: Config): () => string | undefined {
  const key = secretFromConfig(config, 'rocketDbaas.ssh.privateKey');
  return () => {
    const pem = key();
    return pem ? `${pem}\n` : undefined;
  };
}

/**
 * The SSH executor of the configured private key; the key file is read when
 * used, so a lab built after the backend started is picked up.
 */
export function sshExecutorFromConfig(config: Config): () => SshExecutor | undefined {
  const privateKey = sshPrivateKeyFromConfig(config);
  const timeoutSeconds = config.getOptionalNumber('rocketDbaas.ssh.commandTimeoutSeconds') ?? 60;
  const maxOutputBytes = config.getOptionalNumber('rocketDbaas.ssh.maxOutputBytes') ?? 1_000_000;
  return () => {
    const pem = privateKey();
    return pem ? new NodeSshExecutor(pem, { timeoutSeconds, maxOutputBytes }) : undefined;
  };
}
