import { TestSshd } from '../__testUtils__/TestSshd';
import { NodeSshExecutor } from './NodeSshExecutor';
import { remoteCommands } from './remoteCommands';
import { HostKeyRefusedError } from './SshExecutor';

jest.setTimeout(60_000);

/** Commands only these tests run, built the way remoteCommands builds Rocket's. */
const testCommands = {
  /** Prints a text as it is: shows that no argument reaches a shell unquoted. */
  echo: (text: string) => ['printf', '%s', text],
  sleep: (seconds: number) => ['sleep', String(seconds)],
  printBytes: (bytes: number) => ['head', '-c', String(bytes), '/dev/zero'],
};

describe('NodeSshExecutor against a real sshd', () => {
  const sshd = new TestSshd();
  let ssh: NodeSshExecutor;
  let pinned: string;

  beforeAll(async () => {
    await sshd.start();
    ssh = new NodeSshExecutor(sshd.clientKey);
  });
  afterAll(() => sshd.stop());

  it('records the host key at enrolment, as ssh-keygen prints it', async () => {
    const presented = await ssh.enrol(sshd.target());
    pinned = presented.fingerprint;
    expect(pinned).toBe(sshd.fingerprint());
    // the public key as in the .pub file, for known_hosts
    expect(presented.publicKey).toBe(require('node:fs').readFileSync(sshd.file('host_key.pub'), 'utf8').split(' ').slice(0, 2).join(' '));
  });

  it('runs a fixed command on the pinned host', async () => {
    const result = await ssh.run({ ...sshd.target(), hostKeyFingerprint: pinned }, remoteCommands.identify());
    expect(result).toMatchObject({ exitCode: 0, timedOut: false, truncated: false });
    expect(result.stdout.split('\n')[0]).toBe(require('node:os').hostname());
  });

  it('passes hostile text as one literal argument', async () => {
    const marker = sshd.file('pwned');
    for (const text of [`x; touch ${marker}`, `$(touch ${marker})`, `\`touch ${marker}\``, `'; touch ${marker}; '`, '-oProxyCommand=touch', 'a\nb']) {
      const result = await ssh.run({ ...sshd.target(), hostKeyFingerprint: pinned }, testCommands.echo(text));
      expect(result.stdout).toBe(text);
    }
    expect(require('node:fs').existsSync(marker)).toBe(false);
  });

  it('kills a command that runs past its timeout, on the server too', async () => {
    const started = Date.now();
    // an odd length, so that no other sleep on the machine looks like it
    const result = await ssh.run({ ...sshd.target(), hostKeyFingerprint: pinned }, testCommands.sleep(3127), { timeoutSeconds: 1 });
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBe(124);
    expect(Date.now() - started).toBeLessThan(20_000);
    const left = await ssh.run({ ...sshd.target(), hostKeyFingerprint: pinned }, ['pgrep', '-f', '^sleep 3127$']);
    expect(left.exitCode).toBe(1); // pgrep found nothing
  });

  it('caps the output with a marker and keeps memory flat for 100 MB', async () => {
    const before = process.memoryUsage().rss;
    const result = await ssh.run({ ...sshd.target(), hostKeyFingerprint: pinned }, testCommands.printBytes(100_000_000), {
      maxOutputBytes: 64 * 1024,
      timeoutSeconds: 120,
    });
    expect(result.truncated).toBe(true);
    expect(result.stdout).toContain('[rocket: output cut at 65536 bytes]');
    expect(result.stdout.length).toBeLessThan(70 * 1024);
    expect(process.memoryUsage().rss - before).toBeLessThan(60 * 1024 * 1024);
  });

  it('refuses a host whose key changed, and sends nothing', async () => {
    sshd.newHostKey();
    await sshd.restart();
    const marker = sshd.file('ran');
    const attempt = ssh.run({ ...sshd.target(), hostKeyFingerprint: pinned }, ['touch', marker]);
    await expect(attempt).rejects.toThrow(HostKeyRefusedError);
    await expect(attempt).rejects.toThrow(/not the pinned/);
    expect(require('node:fs').existsSync(marker)).toBe(false);
  });

  it('refuses a host with no pinned key outside enrolment', async () => {
    await expect(ssh.run({ ...sshd.target(), hostKeyFingerprint: null }, remoteCommands.identify())).rejects.toThrow(
      /no pinned host key/,
    );
  });
});
