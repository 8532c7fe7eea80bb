import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { RocketStore } from '../database/RocketStore';
import { demoApplications, demoClusters, demoContacts, demoDatacenters, demoPool, sizeOf } from './demoInventory';

const ACTOR = 'rocket-dbaas:demo-seed';
const DAY = 24 * 3600 * 1000;

/** Seeds the demo inventory into an empty store; a store with applications is left alone. */
export async function seedDemoData(store: RocketStore, logger: LoggerService): Promise<void> {
  try {
    await store.transaction(async tx => {
      if ((await tx.directory.listApplications({ limit: 1, offset: 0 })).totalCount > 0) return;
      logger.info('Seeding the Rocket demo inventory');
      for (const dc of demoDatacenters) await tx.reference.upsertDatacenter(dc);

      const appIds = new Map<string, number>();
      for (const app of demoApplications) appIds.set(app.name, await tx.directory.insertApplication(app));
      for (const { links, ...contact } of demoContacts) {
        const id = await tx.directory.insertContact(contact);
        for (const link of links) {
          await tx.directory.linkContact(appIds.get(link.app)!, id, {
            role: link.role,
            notify: ['patching', 'outages', 'backups', 'incidents'],
            active: true,
          });
        }
      }

      let host = 0;
      const now = Date.now();
      for (const c of demoClusters) {
        const size = sizeOf[c.environment];
        const id = await tx.clusters.insert({
          name: c.name,
          dbmsType: 'postgresql',
          applicationId: appIds.get(c.application)!,
          environment: c.environment,
          lifecycle: 'active',
          health: c.health,
          tls: c.environment === 'Prod',
          backupRetention: { days: c.environment === 'Prod' ? 30 : 7, minFullCount: 2 },
          maintenanceWindow: { weekday: 'sun', start: '02:00', durationMinutes: 120, timeZone: 'Europe/London' },
          requested: size,
          description: `${c.application} database (${c.environment})`,
        });
        const [readWritePort, readOnlyPort] = await tx.ports.allocatePair(id);
        await tx.clusters.update(id, { readWritePort, readOnlyPort }, 1);
        const first = host;
        host += c.servers.length;
        await tx.servers.insertMany(
          c.servers.map((s, i) => {
            const n = first + i + 1;
            return {
              hostname: `pg${String(n).padStart(3, '0')}.${s.datacenter}.example.com`,
              // demo addresses are loopback ones nothing answers on: a demo "check connection" sends nothing off the machine
              address: `127.0.2${s.datacenter === 'dc1' ? 1 : 2}.${n}`,
              datacenter: s.datacenter,
              environment: c.environment,
              dbmsType: 'postgresql',
              ...size,
              clusterId: id,
              role: s.role,
              health: s.health,
              osVersion: 'Debian GNU/Linux 12 (bookworm)',
              dbVersion: 'PostgreSQL 15.8',
              dbVersionNumber: 150008,
              pendingRestart: s.pendingRestart ?? false,
              sshUser: 'rocket',
              sshPort: 22,
              monthlyCost: size.cpu * 40,
              lastRebootAt: new Date(now - 20 * DAY).toISOString(),
            };
          }),
        );
        await tx.activities.insert({
          clusterId: id,
          dbmsType: 'postgresql',
          type: 'Create',
          status: 'succeeded',
          actor: ACTOR,
          startedAt: new Date(now - 90 * DAY).toISOString(),
          finishedAt: new Date(now - 90 * DAY + 600_000).toISOString(),
          details: `Cluster built with ports ${readWritePort} (read-write) and ${readOnlyPort} (read-only)`,
        });
        if (c.health !== 'up') {
          await tx.activities.insert({
            clusterId: id,
            dbmsType: 'postgresql',
            type: c.health === 'maintenance' ? 'Patch' : 'Down',
            planned: c.health === 'maintenance',
            ticketUrl: c.health === 'maintenance' ? null : 'https://tickets.example.com/INC-2042',
            status: c.health === 'maintenance' ? 'started' : 'info',
            actor: ACTOR,
            startedAt: new Date(now - 2 * 3600_000).toISOString(),
            finishedAt: null,
            details: c.health === 'maintenance' ? 'OS patching in progress' : 'A member stopped answering health checks',
          });
        }
        if (c.environment === 'Prod') {
          await tx.activities.insert({
            clusterId: id,
            dbmsType: 'postgresql',
            type: 'Switchover',
            status: 'succeeded',
            actor: ACTOR,
            startedAt: new Date(now - 7 * DAY).toISOString(),
            finishedAt: new Date(now - 7 * DAY + 40_000).toISOString(),
            details: 'Planned switchover for the monthly patch',
          });
        }
        for (const note of c.notes ?? []) {
          await tx.notes.insert({ ...note, clusterId: id, author: ACTOR });
        }
      }

      await tx.servers.insertMany(
        demoPool.map((p, i) => ({
          hostname: `pool${String(i + 1).padStart(2, '0')}.${p.datacenter}.example.com`,
          address: `127.0.23.${i + 1}`,
          dbmsType: 'postgresql',
          ...p,
          role: 'pool',
          health: 'up',
          osVersion: 'Debian GNU/Linux 12 (bookworm)',
          sshUser: 'rocket',
          sshPort: 22,
          monthlyCost: p.cpu * 40,
        })),
      );
    });
  } catch (error) {
    // Another replica seeded at the same moment.
    if (error instanceof ConflictError) return;
    throw error;
  }
}
