import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A real OpenSSH server for tests, on a loopback address and a port of its own,
 * with a fresh host key; the client key it trusts is in `clientKey`.
 */
export class TestSshd {
  private process?: ChildProcess;
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rocket-sshd-'));
  readonly clientKey: string;
  readonly address: string;
  port = 0;

  constructor(address = '127.0.10.250') {
    this.address = address;
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', this.file('client_key')]);
    this.clientKey = fs.readFileSync(this.file('client_key'), 'utf8');
    fs.copyFileSync(this.file('client_key.pub'), this.file('authorized_keys'));
    this.newHostKey();
  }

  file(name: string) {
    return path.join(this.dir, name);
  }

  /** Replaces the host key, as a rebuilt (or impersonated) server would. */
  newHostKey() {
    fs.rmSync(this.file('host_key'), { force: true });
    fs.rmSync(this.file('host_key.pub'), { force: true });
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', this.file('host_key')]);
  }

  /** The host key's fingerprint as ssh-keygen prints it (SHA256:...). */
  fingerprint(): string {
    return execFileSync('ssh-keygen', ['-l', '-f', this.file('host_key.pub')], { encoding: 'utf8' }).split(' ')[1];
  }

  async start() {
    // a restart keeps its port, as a real server does
    if (!this.port) this.port = await freePort(this.address);
    fs.mkdirSync('/run/sshd', { recursive: true });
    fs.writeFileSync(
      this.file('sshd_config'),
      [
        `ListenAddress ${this.address}:${this.port}`,
        `HostKey ${this.file('host_key')}`,
        `AuthorizedKeysFile ${this.file('authorized_keys')}`,
        `PidFile ${this.file('sshd.pid')}`,
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'PermitRootLogin prohibit-password',
        'StrictModes no',
        'UsePAM no',
        'LogLevel ERROR',
      ].join('\n'),
    );
    this.process = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', this.file('sshd_config')], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (await canConnect(this.address, this.port)) return;
      await new Promise(r => setTimeout(r, 50));
    }
    throw new Error('the test sshd did not start');
  }

  async restart() {
    await this.stop();
    await this.start();
  }

  async stop() {
    if (!this.process) return;
    const exited = new Promise(r => this.process!.once('exit', r));
    this.process.kill('SIGTERM');
    await exited;
    this.process = undefined;
  }

  target(user = os.userInfo().username) {
    return { hostname: 'sshd.test', address: this.address, port: this.port, username: user };
  }
}

function canConnect(host: string, port: number) {
  return new Promise<boolean>(resolve => {
    const socket = net.connect({ host, port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

function freePort(host: string) {
  return new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
