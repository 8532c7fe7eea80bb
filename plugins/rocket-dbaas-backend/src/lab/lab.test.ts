import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseRocketStore } from '../database/DatabaseRocketStore';
import { AnsibleRunner } from '../ansible/AnsibleRunner';
import { NodeSshExecutor } from '../ssh/NodeSshExecutor';
import { remoteCommands } from '../ssh/remoteCommands';
import { TestSshd } from '../__testUtils__/TestSshd';
import { LabRegistrar } from './LabRegistrar';
import { rekeyLabServer } from '../__testUtils__/rekeyLabServer';

jest.setTimeout(300_000);

const repo = path.resolve(__dirname, '../../../..');
// a lab of its own, on another loopback network, beside any lab `make lab` runs
const labRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'rocket-lab-'));
const env = { ...process.env, ROCKET_LAB_ROOT: labRoot, ROCKET_LAB_NETWORK: '127.0.11' };
const lab = (...args: string[]) => execFileSync('bash', [path.join(repo, 'scripts/lab.sh'), ...args], { env, encoding: 'utf8' });
const labProcesses = () => {
  try {
    return execFileSync('pgrep', ['-f', labRoot], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return [];
  }
};

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('the lab (scripts/lab.sh and ansible/lab.yml)', () => {
  const bystander = new TestSshd('127.0.11.250');
  let inventory: any[];

  beforeAll(async () => {
    await bystander.start();
    lab('up', '2');
    inventory = JSON.parse(fs.readFileSync(path.join(labRoot, 'inventory.json'), 'utf8'));
  });
  afterAll(async () => {
    lab('down');
    await bystander.stop();
  });

  it('builds servers in two datacenters, each with its own sshd and host key', () => {
    expect(inventory.map(h => [h.hostname, h.address, h.datacenter])).toEqual([
      ['lab01.lab-dc1.rocket.lab', '127.0.11.1', 'lab-dc1'],
      ['lab02.lab-dc2.rocket.lab', '127.0.11.2', 'lab-dc2'],
    ]);
    expect(new Set(inventory.map(h => h.hostKeyFingerprint)).size).toBe(2);
    expect(labProcesses()).toHaveLength(2);
  });

  it('lets the lab key in, with the pinned host key', async () => {
    const ssh = new NodeSshExecutor(fs.readFileSync(path.join(labRoot, 'lab_ed25519'), 'utf8'));
    for (const h of inventory) {
      const result = await ssh.run(
        { hostname: h.hostname, address: h.address, port: h.sshPort, username: h.sshUser, hostKeyFingerprint: h.hostKeyFingerprint },
        remoteCommands.identify(),
      );
      expect(result.exitCode).toBe(0);
    }
  });

  it('is idempotent: a second run changes nothing and keeps the servers', () => {
    const pids = labProcesses();
    const output = lab('up', '2');
    expect(output).toMatch(/changed=0 /);
    expect(labProcesses()).toEqual(pids);
  });

  it('registers its servers in Rocket once, with their host keys pinned', async () => {
    const knex = await databases.init('SQLITE_3');
    await DatabaseRocketStore.migrate(knex);
    const store = new DatabaseRocketStore(knex);
    const registrar = new LabRegistrar(store, { changed: async () => {} }, mockServices.logger.mock(), path.join(labRoot, 'inventory.json'), 'Dev');
    expect(await registrar.register()).toBe(2);
    expect(await registrar.register()).toBe(0);
    const pool = await store.servers.list({ role: 'pool', limit: 10, offset: 0 });
    expect(pool.items.map(s => [s.hostname, s.datacenter, s.sshPort, s.hostKeyFingerprint])).toEqual(
      inventory.map(h => [h.hostname, h.datacenter, 2222, h.hostKeyFingerprint]),
    );
    expect(inventory.every(h => /^ssh-ed25519 [A-Za-z0-9+/=]+$/.test(h.hostPublicKey))).toBe(true);

    // a rebuilt lab (new keys in a new inventory) enrols its free servers again
    const rebuiltPath = path.join(labRoot, 'rebuilt-inventory.json');
    const rebuilt = inventory.map((h, i) => (i === 0 ? { ...h, hostKeyFingerprint: `SHA256:${'A'.repeat(43)}` } : h));
    fs.writeFileSync(rebuiltPath, JSON.stringify(rebuilt));
    const again = new LabRegistrar(store, { changed: async () => {} }, mockServices.logger.mock(), rebuiltPath, 'Dev');
    expect(await again.register()).toBe(1);
    expect(await again.register()).toBe(0);
    expect(await store.servers.get(inventory[0].hostname)).toMatchObject({ hostKeyFingerprint: `SHA256:${'A'.repeat(43)}`, role: 'pool' });
    expect(await store.servers.get(inventory[1].hostname)).toMatchObject({ hostKeyFingerprint: inventory[1].hostKeyFingerprint });
    const log = await store.activities.list({ server: inventory[0].hostname, limit: 10, offset: 0 });
    expect(log.items[0]).toMatchObject({ type: 'HostKeyEnrol', details: expect.stringMatching(/lab was rebuilt/) });
  });

  it('runs a playbook with a generated known_hosts, and a changed host key makes that host unreachable', async () => {
    const runner = new AnsibleRunner(path.join(repo, 'ansible'), () => fs.readFileSync(path.join(labRoot, 'lab_ed25519'), 'utf8'));
    const hosts = inventory.map(h => ({
      name: h.hostname,
      address: h.address,
      port: h.sshPort,
      user: h.sshUser,
      hostPublicKey: h.hostPublicKey,
      hostKeyFingerprint: h.hostKeyFingerprint,
    }));
    let output = '';
    const ok = await runner.run({ playbook: 'facts.yml', hosts, timeoutSeconds: 120, onOutput: text => (output += text) });
    expect(ok).toEqual({ exitCode: 0, timedOut: false, aborted: false });
    for (const h of inventory) expect(output).toContain(`rocket-facts ${h.hostname} Debian`);
    expect(output).not.toContain('BEGIN OPENSSH PRIVATE KEY');

    // lab02 gets a new host key: Ansible refuses it and still runs on lab01
    await rekeyLabServer(inventory[1]);
    output = '';
    const refused = await runner.run({ playbook: 'facts.yml', hosts, timeoutSeconds: 120, onOutput: text => (output += text) });
    expect(refused.exitCode).not.toBe(0);
    // ssh refuses the key; with pipelining Ansible reports it as a broken pipe, without as a verification failure
    expect(output).toContain(`fatal: [${inventory[1].hostname}]: UNREACHABLE!`);
    expect(output).toContain(`rocket-facts ${inventory[0].hostname} Debian`);
    expect(output).not.toContain(`rocket-facts ${inventory[1].hostname}`);
    // and it is the key that is refused: the server still answers, with another one
    const ssh = new NodeSshExecutor(fs.readFileSync(path.join(labRoot, 'lab_ed25519'), 'utf8'));
    const h = inventory[1];
    await expect(
      ssh.run({ hostname: h.hostname, address: h.address, port: h.sshPort, username: h.sshUser, hostKeyFingerprint: h.hostKeyFingerprint }, ['true']),
    ).rejects.toThrow(/not the pinned/);
  });

  it('comes down without touching anything else', async () => {
    lab('down');
    expect(labProcesses()).toEqual([]);
    expect(fs.existsSync(labRoot)).toBe(false);
    // a server that is not the lab's is still there
    const ssh = new NodeSshExecutor(bystander.clientKey);
    const presented = await ssh.enrol(bystander.target());
    expect(presented.fingerprint).toBe(bystander.fingerprint());
  });
});
