import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Gives a lab server a new host key behind Rocket's back: a new key file, a
 * SIGHUP to its sshd, and a wait until the sshd presents that key (it
 * re-executes itself on SIGHUP and listens on nothing for a moment).
 */
export async function rekeyLabServer(server: { root: string; address: string; sshPort?: number }): Promise<void> {
  const keyFile = path.join(server.root, 'etc/ssh/ssh_host_ed25519_key');
  fs.rmSync(keyFile);
  fs.rmSync(`${keyFile}.pub`);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', keyFile]);
  execFileSync('kill', ['-HUP', fs.readFileSync(path.join(server.root, 'run/sshd.pid'), 'utf8').trim()]);
  const key = fs.readFileSync(`${keyFile}.pub`, 'utf8').split(' ')[1];
  const port = String(server.sshPort ?? 2222);
  for (let i = 0; i < 50; i++) {
    const scan = spawnSync('ssh-keyscan', ['-p', port, '-t', 'ed25519', server.address], { encoding: 'utf8' });
    if (scan.stdout.includes(key)) return;
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(`the sshd of ${server.address} did not present its new host key`);
}
