import { ClusterWithServers, IntakeRequest, Note, Server } from '@internal/plugin-rocket-dbaas-common';
import { RocketDbaasApi } from '../api/RocketDbaasApi';

/**
 * A fake of Rocket's API client for component tests: an in-memory stand-in for
 * the backend, whose real behaviour the backend's tests and the e2e test cover.
 */
export function fakeRocketApi(overrides: Partial<RocketDbaasApi> = {}): jest.Mocked<RocketDbaasApi> {
  const reject = (name: string) => jest.fn(async () => {
    throw new Error(`fakeRocketApi: ${name} was not expected`);
  });
  const api: Record<string, jest.Mock> = {};
  for (const name of [
    'getOverview', 'listClusters', 'getCluster', 'provisionCluster', 'listClusterActivities', 'listClusterOperations', 'listNotes', 'addNote', 'editNote',
    'deleteNote', 'getServer', 'listServerActivities', 'enrolServer', 'checkServer', 'listPoolServers', 'registerPoolServer', 'releasePoolServer', 'listDatacenters', 'listApplications',
    'createApplication', 'updateApplication', 'listApplicationContacts', 'linkContact', 'unlinkContact',
    'listContacts', 'createContact', 'updateContact', 'expireContact', 'listIntakeRequests', 'getIntakeRequest', 'decideIntakeRequest',
  ]) {
    api[name] = reject(name);
  }
  for (const [name, fn] of Object.entries(overrides)) api[name] = jest.fn(fn as any);
  return api as unknown as jest.Mocked<RocketDbaasApi>;
}

export const server = (hostname: string, overrides: Partial<Server> = {}): Server => ({
  id: 1, hostname, address: '127.0.30.1', datacenter: 'dc1', environment: 'Prod', dbmsType: 'postgresql',
  cpu: 4, ramGb: 16, diskGb: 100, cluster: 'shop-db', role: 'primary', health: 'up', osVersion: 'Debian 12',
  dbVersion: 'PostgreSQL 15.8', dbVersionNumber: 150008, osPatchedAt: null, dbPatchedAt: null, lastRebootAt: null,
  pendingRestart: false, collectMetrics: true, sshUser: 'rocket', sshPort: 22, hostKeyFingerprint: null, hostPublicKey: null,
  hostKeyMismatchAt: null, hostKeyPresented: null, lastContactAt: null,
  monthlyCost: null, active: true, claimedAt: null, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
  ...overrides,
});

export const cluster = (name: string, servers: Server[]): ClusterWithServers => ({
  id: 1, name, dbmsType: 'postgresql', application: 'shop', environment: 'Prod', lifecycle: 'active', health: 'up',
  readWritePort: 6000, readOnlyPort: 6001, tls: true, backupRetention: { days: 7, minFullCount: 2 },
  maintenanceWindow: { weekday: 'sun', start: '02:00', durationMinutes: 60, timeZone: 'UTC' },
  requested: { cpu: 4, ramGb: 16, diskGb: 100 }, description: null, version: 1, serverCount: servers.length,
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', servers,
});

export const note = (id: number, title: string): Note => ({
  id, cluster: 'shop-db', title, body: `${title} body`, ticket: null, colour: 'yellow', author: 'user:default/ada',
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
});

export const intakeRequest = (id: number, overrides: Partial<IntakeRequest> = {}): IntakeRequest => ({
  id, status: 'submitted', application: 'billing', owner: 'group:default/billing-team',
  contacts: [{ name: 'Bea Biller', email: 'bea@example.com', role: 'owner' }], environments: ['Dev', 'Prod'],
  dbmsType: 'postgresql', expectedSizeGb: 40, growthGbPerMonth: 5, workload: 'oltp', availability: '99.9',
  rpoMinutes: 5, rtoMinutes: 60, dataSensitivity: 'confidential', maintenanceWindow: { weekday: 'sat', start: '03:30' },
  costCentre: 'CC-7', goLiveDate: '2027-03-01', notes: null, requestedBy: 'user:default/dev', decidedBy: null,
  decidedAt: null, decisionReason: null, cluster: null, version: 1,
  createdAt: '2026-12-01T00:00:00Z', updatedAt: '2026-12-01T00:00:00Z',
  ...overrides,
});
