import { LoggerService } from '@backstage/backend-plugin-api';
import { EnvironmentName } from '@internal/plugin-rocket-dbaas-common';
import fs from 'node:fs/promises';
import { z } from 'zod';
import { RocketStore } from '../database/RocketStore';
import { ChangeNotifier } from '../services/ChangeNotifier';

const ACTOR = 'rocket-dbaas:lab';

const labInventory = z.array(
  z.object({
    hostname: z.string(),
    address: z.string().ip(),
    datacenter: z.string().regex(/^[a-z0-9-]{1,32}$/),
    sshPort: z.number().int().min(1).max(65535),
    sshUser: z.string().regex(/^[a-z_][a-z0-9_-]{0,31}$/),
    hostKeyFingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/),
    hostPublicKey: z.string().regex(/^ssh-[a-z0-9-]+ [A-Za-z0-9+/=]+$/),
    cpu: z.number().int().min(1),
    ramGb: z.number().int().min(1),
    diskGb: z.number().int().min(1),
  }).passthrough(),
);

/**
 * Registers the lab's servers (ansible/lab.yml writes their inventory) as pool
 * servers. The lab made their host keys and wrote them to a local file, so
 * their fingerprints are pinned as they are: this is their enrolment. A lab
 * rebuilt with `make lab-down && make lab` has new keys: its free pool servers
 * are enrolled again from the new inventory (every `make lab` writes the keys
 * it finds on disk there). A key that changes between two runs of the lab's
 * playbook, or on a server in a cluster, stays refused until a DBA enrols it.
 */
export class LabRegistrar {
  constructor(
    private readonly store: RocketStore,
    private readonly notifier: ChangeNotifier,
    private readonly logger: LoggerService,
    private readonly inventoryPath: string,
    private readonly environment: EnvironmentName,
  ) {}

  async register(): Promise<number> {
    let text: string;
    try {
      text = await fs.readFile(this.inventoryPath, 'utf8');
    } catch {
      return 0; // no lab (yet)
    }
    const hosts = labInventory.parse(JSON.parse(text));
    const known = await this.store.servers.list({ hostnames: hosts.map(h => h.hostname), limit: 500, offset: 0 });
    const fresh = hosts.filter(h => !known.items.some(s => s.hostname === h.hostname));
    const rebuilt = hosts.filter(h =>
      known.items.some(s => s.hostname === h.hostname && s.role === 'pool' && s.hostKeyFingerprint !== h.hostKeyFingerprint),
    );
    if (!fresh.length && !rebuilt.length) return 0;
    await this.store.transaction(async tx => {
      for (const h of rebuilt) {
        // read again in the transaction: a server claimed in the meantime keeps its pin
        const before = await tx.servers.get(h.hostname);
        if (before?.role !== 'pool') continue;
        await tx.servers.update(h.hostname, {
          hostKeyFingerprint: h.hostKeyFingerprint,
          hostPublicKey: h.hostPublicKey,
          hostKeyMismatchAt: null,
          hostKeyPresented: null,
        });
        await tx.activities.insert({
          server: h.hostname,
          dbmsType: before.dbmsType,
          type: 'HostKeyEnrol',
          status: 'succeeded',
          actor: ACTOR,
          details: `The lab was rebuilt: host key ${h.hostKeyFingerprint} from its inventory replaces ${before.hostKeyFingerprint ?? 'none'}`,
        });
      }
      for (const code of new Set(fresh.map(h => h.datacenter))) {
        if (!(await tx.reference.hasDatacenter(code))) {
          await tx.reference.upsertDatacenter({ code, name: `Lab ${code.replace(/^lab-/, '')}`, sortOrder: 100 });
        }
      }
      await tx.servers.insertMany(
        fresh.map(h => ({
          hostname: h.hostname,
          address: h.address,
          datacenter: h.datacenter,
          environment: this.environment,
          dbmsType: 'postgresql',
          cpu: h.cpu,
          ramGb: h.ramGb,
          diskGb: h.diskGb,
          role: 'pool',
          health: 'up',
          sshUser: h.sshUser,
          sshPort: h.sshPort,
          hostKeyFingerprint: h.hostKeyFingerprint,
          hostPublicKey: h.hostPublicKey,
          monthlyCost: 0,
        })),
      );
      for (const h of fresh) {
        await tx.activities.insert({
          server: h.hostname,
          dbmsType: 'postgresql',
          type: 'PoolRegister',
          status: 'succeeded',
          actor: ACTOR,
          details: `Lab server ${h.hostname} (${h.address}:${h.sshPort}) joined the pool with host key ${h.hostKeyFingerprint}`,
        });
      }
    });
    this.logger.info(`Registered ${fresh.length} lab server(s) as pool servers; enrolled ${rebuilt.length} rebuilt one(s) again`);
    await this.notifier.changed({ kind: 'pool' });
    return fresh.length + rebuilt.length;
  }
}
