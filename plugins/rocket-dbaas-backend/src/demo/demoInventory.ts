import { EnvironmentName, Health, NoteColour, ServerRole } from '@internal/plugin-rocket-dbaas-common';
import { NewApplication, NewContact } from '../database/RocketStore';

/** The demo inventory of the embedded default: a small but realistic estate. */

export const demoDatacenters = [
  { code: 'dc1', name: 'East (dc1)', sortOrder: 1 },
  { code: 'dc2', name: 'West (dc2)', sortOrder: 2 },
];

export const demoApplications: NewApplication[] = [
  { name: 'payments', description: 'Card payments and settlement', owner: 'group:default/payments-team', costCentre: 'CC-1010' },
  { name: 'orders', description: 'Order capture and fulfilment', owner: 'group:default/orders-team', costCentre: 'CC-2020' },
  { name: 'analytics', description: 'Reporting warehouse and dashboards', owner: 'group:default/data-team', costCentre: 'CC-3030' },
];

export const demoContacts: Array<NewContact & { links: Array<{ app: string; role: 'owner' | 'primary' | 'secondary' | 'escalation' | 'dba' }> }> = [
  { name: 'Ada Lovelace', type: 'person', email: 'ada@example.com', phone: '+1 555 0100', links: [{ app: 'payments', role: 'owner' }] },
  { name: 'Grace Hopper', type: 'person', email: 'grace@example.com', phone: '+1 555 0101', links: [{ app: 'payments', role: 'primary' }, { app: 'orders', role: 'escalation' }] },
  { name: 'Linus Torvalds', type: 'person', email: 'linus@example.com', links: [{ app: 'orders', role: 'owner' }] },
  { name: 'Orders on-call', type: 'distribution-list', email: 'orders-oncall@example.com', links: [{ app: 'orders', role: 'primary' }] },
  { name: 'Edgar Codd', type: 'person', email: 'edgar@example.com', links: [{ app: 'analytics', role: 'owner' }] },
  { name: 'DBA team', type: 'distribution-list', email: 'dba@example.com', links: [{ app: 'payments', role: 'dba' }, { app: 'orders', role: 'dba' }, { app: 'analytics', role: 'dba' }] },
];

type DemoServer = { role: ServerRole; health: Health; datacenter: string; pendingRestart?: boolean };
type DemoCluster = {
  name: string;
  application: string;
  environment: EnvironmentName;
  health: Health;
  servers: DemoServer[];
  notes?: Array<{ title: string; body: string; colour: NoteColour; ticket?: string }>;
};

const trio = (replicaHealth: Health = 'up', pending = false): DemoServer[] => [
  { role: 'primary', health: 'up', datacenter: 'dc1' },
  { role: 'sync-replica', health: replicaHealth, datacenter: 'dc2', pendingRestart: pending },
  { role: 'async-replica', health: 'up', datacenter: 'dc1' },
];
const pair: DemoServer[] = [
  { role: 'primary', health: 'up', datacenter: 'dc1' },
  { role: 'async-replica', health: 'up', datacenter: 'dc2' },
];

export const demoClusters: DemoCluster[] = [
  { name: 'payments-prod', application: 'payments', environment: 'Prod', health: 'up', servers: trio(),
    notes: [{ title: 'PCI scope', body: 'This cluster holds card data: changes need a CAB ticket.', colour: 'red', ticket: 'CHG-1001' }] },
  { name: 'payments-qa', application: 'payments', environment: 'QA', health: 'up', servers: pair },
  { name: 'payments-dev', application: 'payments', environment: 'Dev', health: 'up', servers: pair },
  { name: 'orders-prod', application: 'orders', environment: 'Prod', health: 'up-with-issues', servers: trio('down'),
    notes: [{ title: 'Replica rebuild', body: 'Sync replica lost its disk; rebuild planned for Sunday.', colour: 'orange', ticket: 'INC-2042' }] },
  { name: 'orders-qa', application: 'orders', environment: 'QA', health: 'up', servers: trio('up', true) },
  { name: 'orders-dev', application: 'orders', environment: 'Dev', health: 'maintenance', servers: pair },
  { name: 'analytics-prod', application: 'analytics', environment: 'Prod', health: 'up', servers: trio(),
    notes: [{ title: 'Nightly load', body: 'ETL runs 01:00-03:00 UTC; expect replica lag.', colour: 'blue' }] },
  { name: 'analytics-qa', application: 'analytics', environment: 'QA', health: 'up', servers: pair },
  { name: 'analytics-dev', application: 'analytics', environment: 'Dev', health: 'down', servers: pair },
  { name: 'reporting-prod', application: 'analytics', environment: 'Prod', health: 'up', servers: trio() },
];

export const demoPool: Array<{ environment: EnvironmentName; datacenter: string; cpu: number; ramGb: number; diskGb: number }> = [
  { environment: 'Dev', datacenter: 'dc1', cpu: 2, ramGb: 8, diskGb: 100 },
  { environment: 'Dev', datacenter: 'dc2', cpu: 2, ramGb: 8, diskGb: 100 },
  { environment: 'QA', datacenter: 'dc1', cpu: 4, ramGb: 16, diskGb: 250 },
  { environment: 'QA', datacenter: 'dc2', cpu: 4, ramGb: 16, diskGb: 250 },
  { environment: 'Prod', datacenter: 'dc1', cpu: 8, ramGb: 64, diskGb: 1000 },
  { environment: 'Prod', datacenter: 'dc2', cpu: 8, ramGb: 64, diskGb: 1000 },
  { environment: 'Prod', datacenter: 'dc1', cpu: 16, ramGb: 128, diskGb: 2000 },
  { environment: 'Prod', datacenter: 'dc2', cpu: 16, ramGb: 128, diskGb: 2000 },
];

export const sizeOf: Record<EnvironmentName, { cpu: number; ramGb: number; diskGb: number }> = {
  Sbx: { cpu: 2, ramGb: 4, diskGb: 50 },
  Dev: { cpu: 2, ramGb: 8, diskGb: 100 },
  QA: { cpu: 4, ramGb: 16, diskGb: 250 },
  UAT: { cpu: 4, ramGb: 16, diskGb: 250 },
  Prod: { cpu: 8, ramGb: 64, diskGb: 1000 },
};
