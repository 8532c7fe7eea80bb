import { NodeSSH } from 'node-ssh';
import { hostKeyFingerprint, hostPublicKeyLine } from './hostKey';
import { shellLine } from './shellQuote';
import { CommandResult, HostKeyRefusedError, PresentedHostKey, RunOptions, SshExecutor, SshTarget } from './SshExecutor';

const KILL_AFTER_SECONDS = 5;
const TRUNCATION_MARKER = (bytes: number) => `\n[rocket: output cut at ${bytes} bytes]\n`;

/** Collects a stream's text up to a cap; the rest is read and dropped, so memory stays flat. */
class CappedBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  truncated = false;
  constructor(private readonly cap: number) {}

  push(chunk: Buffer) {
    const room = this.cap - this.size;
    if (room > 0) {
      const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
      this.chunks.push(Buffer.from(kept));
      this.size += kept.length;
    }
    if (chunk.length > room) this.truncated = true;
  }

  text() {
    const body = Buffer.concat(this.chunks).toString('utf8');
    return this.truncated ? body + TRUNCATION_MARKER(this.cap) : body;
  }
}

/**
 * SSH through node-ssh (ssh2) with the host key pinned: ssh2 accepts any host
 * key unless a verifier is set, so every connection sets one.
 */
export class NodeSshExecutor implements SshExecutor {
  constructor(
    private readonly privateKey: string,
    private readonly defaults: Required<RunOptions> = { timeoutSeconds: 60, maxOutputBytes: 1_000_000 },
  ) {}

  private async connect(target: Omit<SshTarget, 'hostKeyFingerprint'>, accept: (fingerprint: string) => boolean) {
    const ssh = new NodeSSH();
    let presented = '';
    let publicKey = '';
    try {
      await ssh.connect({
        host: target.address,
        port: target.port,
        username: target.username,
        privateKey: this.privateKey,
        readyTimeout: 15_000,
        hostVerifier: (key: Buffer) => {
          presented = hostKeyFingerprint(key);
          publicKey = hostPublicKeyLine(key);
          return accept(presented);
        },
      } as Parameters<NodeSSH['connect']>[0]);
    } catch (error) {
      ssh.dispose();
      if (presented && !accept(presented)) throw new HostKeyRefusedError(target.hostname, null, presented);
      throw error;
    }
    return { ssh, presented, publicKey };
  }

  async enrol(target: Omit<SshTarget, 'hostKeyFingerprint'>): Promise<PresentedHostKey> {
    const { ssh, presented, publicKey } = await this.connect(target, () => true);
    ssh.dispose();
    return { fingerprint: presented, publicKey };
  }

  async run(target: SshTarget, command: string[], options: RunOptions = {}): Promise<CommandResult> {
    const timeoutSeconds = options.timeoutSeconds ?? this.defaults.timeoutSeconds;
    const cap = options.maxOutputBytes ?? this.defaults.maxOutputBytes;
    const pinned = target.hostKeyFingerprint;
    let ssh: NodeSSH;
    try {
      ({ ssh } = await this.connect(target, fingerprint => pinned !== null && fingerprint === pinned));
    } catch (error) {
      if (error instanceof HostKeyRefusedError) throw new HostKeyRefusedError(target.hostname, pinned, error.presented);
      throw error;
    }
    // timeout(1) on the server kills the command there too: TERM, then KILL.
    const line = shellLine(['timeout', `--kill-after=${KILL_AFTER_SECONDS}`, String(timeoutSeconds), ...command]);
    const stdout = new CappedBuffer(cap);
    const stderr = new CappedBuffer(cap);
    try {
      const exitCode = await new Promise<number | null>((resolve, reject) => {
        ssh.connection!.exec(line, (error, stream) => {
          if (error) return reject(error);
          // a server that stops answering is given up on a little after the remote kill
          const guard = setTimeout(() => {
            stream.close();
            resolve(null);
          }, (timeoutSeconds + KILL_AFTER_SECONDS + 10) * 1000);
          stream.on('data', (chunk: Buffer) => stdout.push(chunk));
          stream.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
          stream.on('close', (code: number | null) => {
            clearTimeout(guard);
            resolve(code ?? null);
          });
          return undefined;
        });
      });
      return {
        exitCode,
        stdout: stdout.text(),
        stderr: stderr.text(),
        truncated: stdout.truncated || stderr.truncated,
        // timeout(1) exits 124 after TERM, 137 after KILL
        timedOut: exitCode === null || exitCode === 124 || exitCode === 137,
      };
    } finally {
      ssh.dispose();
    }
  }
}
