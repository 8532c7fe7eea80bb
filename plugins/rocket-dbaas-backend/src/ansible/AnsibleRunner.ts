import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const RUN_FOLDER = /^rocket-ansible-(\d+)-/;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

/** A server as Ansible sees it, with the host key Rocket pinned for it. */
export type AnsibleHost = {
  name: string;
  address: string;
  port: number;
  user: string;
  hostPublicKey: string | null;
  hostKeyFingerprint: string | null;
  vars?: Record<string, unknown>;
};

export type AnsibleRun = {
  /** A playbook in the ansible folder, e.g. provision.yml. */
  playbook: string;
  hosts: AnsibleHost[];
  /** Groups of host names, e.g. { etcd: [...], patroni: [...] }. */
  groups?: Record<string, string[]>;
  extraVars?: Record<string, unknown>;
  timeoutSeconds: number;
  onOutput(text: string): void;
  /** Stops the playbook (its whole process group) when aborted, e.g. at shutdown. */
  signal?: AbortSignal;
};

export type AnsibleResult = { exitCode: number | null; timedOut: boolean; aborted: boolean };

function fingerprintOf(publicKeyLine: string): string {
  const blob = Buffer.from(publicKeyLine.split(' ')[1] ?? '', 'base64');
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/**
 * Runs ansible-playbook with an inventory, a known_hosts file and extra vars
 * generated from Rocket's data. Host key checking stays on
 * (StrictHostKeyChecking=yes): a host whose key is not the pinned one is unreachable.
 */
export class AnsibleRunner {
  constructor(
    private readonly ansibleDir: string,
    private readonly privateKey: () => string | undefined,
  ) {}

  /**
   * Each run keeps the key, the inventory and the extra vars (passwords) in a
   * folder of its own that it removes at the end. A backend that died left
   * its folders behind: this removes those whose process is gone (call it at
   * start). A folder whose pid is alive stays, whoever it belongs to.
   */
  static async removeAbandonedRunFolders(tmpDir = os.tmpdir()): Promise<string[]> {
    const removed: string[] = [];
    for (const name of await fs.readdir(tmpDir)) {
      const pid = Number(name.match(RUN_FOLDER)?.[1]);
      if (!pid || isAlive(pid)) continue;
      try {
        await fs.rm(path.join(tmpDir, name), { recursive: true, force: true });
        removed.push(name);
      } catch {
        // another user's folder in a shared /tmp: not ours to remove
      }
    }
    return removed;
  }

  async run(run: AnsibleRun): Promise<AnsibleResult> {
    // an abort before the start: the listener added later would never fire
    if (run.signal?.aborted) return { exitCode: null, timedOut: false, aborted: true };
    const key = this.privateKey();
    if (!key) throw new Error('SSH is not configured: set rocketDbaas.ssh.privateKey or privateKeyPath');
    for (const host of run.hosts) {
      if (!host.hostPublicKey || !host.hostKeyFingerprint || fingerprintOf(host.hostPublicKey) !== host.hostKeyFingerprint) {
        throw new Error(`${host.name} has no pinned host key to check against; enrol it first`);
      }
    }
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), `rocket-ansible-${process.pid}-`));
    try {
      const file = (name: string) => path.join(dir, name);
      await fs.writeFile(file('id'), key.endsWith('\n') ? key : `${key}\n`, { mode: 0o600 });
      await fs.writeFile(file('known_hosts'), run.hosts.map(h => `[${h.address}]:${h.port} ${h.hostPublicKey}\n`).join(''), { mode: 0o600 });
      const inventory = {
        all: {
          vars: {
            ansible_ssh_private_key_file: file('id'),
            ansible_ssh_common_args: `-o UserKnownHostsFile=${file('known_hosts')} -o GlobalKnownHostsFile=/dev/null -o StrictHostKeyChecking=yes`,
          },
          hosts: Object.fromEntries(
            run.hosts.map(h => [h.name, { ansible_host: h.address, ansible_port: h.port, ansible_user: h.user, ...h.vars }]),
          ),
          children: Object.fromEntries(
            Object.entries(run.groups ?? {}).map(([group, names]) => [group, { hosts: Object.fromEntries(names.map(n => [n, {}])) }]),
          ),
        },
      };
      await fs.writeFile(file('inventory.json'), JSON.stringify(inventory), { mode: 0o600 });
      await fs.writeFile(file('extra-vars.json'), JSON.stringify(run.extraVars ?? {}), { mode: 0o600 });
      return await this.spawn(['-i', file('inventory.json'), '-e', `@${file('extra-vars.json')}`, run.playbook], run);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }

  private spawn(args: string[], run: AnsibleRun): Promise<AnsibleResult> {
    return new Promise((resolve, reject) => {
      const child = spawn('ansible-playbook', args, {
        cwd: this.ansibleDir,
        detached: true, // its own process group, so a timeout kills ssh and all
        env: {
          ...process.env,
          ANSIBLE_CONFIG: path.join(this.ansibleDir, 'ansible.cfg'),
          ANSIBLE_HOST_KEY_CHECKING: 'True',
          // no shared master connections: one made before a host key changed would skip the check
          ANSIBLE_SSH_ARGS: '-o ControlMaster=no -o ControlPath=none',
          ANSIBLE_PIPELINING: 'True',
          ANSIBLE_NOCOLOR: '1',
          ANSIBLE_FORCE_COLOR: '0',
          PYTHONUNBUFFERED: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let timedOut = false;
      const killGroup = () => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      };
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup();
      }, run.timeoutSeconds * 1000);
      run.signal?.addEventListener('abort', killGroup, { once: true });
      child.stdout.on('data', (chunk: Buffer) => run.onOutput(chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => run.onOutput(chunk.toString('utf8')));
      child.on('error', error => {
        clearTimeout(timer);
        run.signal?.removeEventListener('abort', killGroup);
        reject(error);
      });
      child.on('close', code => {
        clearTimeout(timer);
        run.signal?.removeEventListener('abort', killGroup);
        resolve({ exitCode: code, timedOut, aborted: run.signal?.aborted ?? false });
      });
    });
  }
}
