import { createApiRef } from '@backstage/core-plugin-api';
import {
  Activity,
  Application,
  ApplicationContact,
  ClusterWithServers,
  Contact,
  ContactRole,
  Datacenter,
  IntakeRequest,
  IntakeStatus,
  Note,
  NoteColour,
  NotificationTopic,
  Operation,
  OverviewSummary,
  Page,
  Server,
} from '@internal/plugin-rocket-dbaas-common';

export type ClusterListQuery = {
  q?: string;
  environment?: string;
  dbmsType?: string;
  application?: string;
  health?: string;
  sort?: 'name' | 'environment' | 'application' | 'health' | 'createdAt';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
};

export type PoolQuery = {
  environment?: string;
  datacenter?: string;
  dbmsType?: string;
  cpu?: number;
  ramGb?: number;
  diskGb?: number;
  includeClaimed?: boolean;
  limit?: number;
  offset?: number;
};

export type NoteInput = { title: string; body: string; ticket?: string | null; colour: NoteColour };

export type PoolServerInput = {
  hostname: string;
  address: string;
  datacenter: string;
  environment: string;
  dbmsType: string;
  cpu: number;
  ramGb: number;
  diskGb: number;
  sshUser?: string;
  sshPort?: number;
};

export type ApplicationInput = {
  name: string;
  owner: string;
  description?: string | null;
  entityRef?: string | null;
  costCentre?: string | null;
};

export type ContactInput = {
  name: string;
  type: Contact['type'];
  email?: string | null;
  phone?: string | null;
  userRef?: string | null;
};

/** The typed client of Rocket's REST API. */
export interface RocketDbaasApi {
  getOverview(): Promise<OverviewSummary>;
  listClusters(query: ClusterListQuery): Promise<Page<ClusterWithServers>>;
  getCluster(name: string): Promise<ClusterWithServers>;
  /** Starts the provisioning of a requested cluster, or retries a failed one on the named pool servers. */
  provisionCluster(name: string, servers?: string[]): Promise<ClusterWithServers>;
  listClusterActivities(name: string, paging?: { limit?: number; offset?: number }): Promise<Page<Activity>>;
  listClusterOperations(name: string): Promise<Operation[]>;
  listNotes(cluster: string): Promise<Note[]>;
  addNote(cluster: string, note: NoteInput): Promise<Note>;
  editNote(cluster: string, id: number, note: Partial<NoteInput>): Promise<Note>;
  deleteNote(cluster: string, id: number): Promise<void>;
  getServer(hostname: string): Promise<Server>;
  listServerActivities(hostname: string, paging?: { limit?: number; offset?: number }): Promise<Page<Activity>>;
  enrolServer(hostname: string, replace: boolean): Promise<Server>;
  checkServer(hostname: string): Promise<{ server: Server; osVersion: string | null; kernelHostname: string }>;
  listPoolServers(query: PoolQuery): Promise<Page<Server>>;
  registerPoolServer(server: PoolServerInput): Promise<Server>;
  releasePoolServer(hostname: string): Promise<Server>;
  listDatacenters(): Promise<Datacenter[]>;
  listApplications(query?: { q?: string; limit?: number; offset?: number }): Promise<Page<Application>>;
  createApplication(app: ApplicationInput): Promise<Application>;
  updateApplication(name: string, app: Partial<ApplicationInput>): Promise<Application>;
  listApplicationContacts(name: string): Promise<ApplicationContact[]>;
  linkContact(application: string, contactId: number, link: { role: ContactRole; notify: NotificationTopic[] }): Promise<ApplicationContact[]>;
  unlinkContact(application: string, contactId: number): Promise<void>;
  listContacts(query?: { q?: string; includeExpired?: boolean; limit?: number; offset?: number }): Promise<Page<Contact>>;
  createContact(contact: ContactInput): Promise<Contact>;
  updateContact(id: number, contact: Partial<ContactInput>): Promise<Contact>;
  expireContact(id: number): Promise<Contact>;
  listIntakeRequests(query?: { status?: IntakeStatus; limit?: number; offset?: number }): Promise<Page<IntakeRequest>>;
  getIntakeRequest(id: number): Promise<IntakeRequest>;
  /** Approves or rejects a submitted request at the version the reviewer saw. */
  decideIntakeRequest(id: number, decision: 'approve' | 'reject', body: { version: number; reason?: string }): Promise<IntakeRequest>;
}

/** @public */
export const rocketDbaasApiRef = createApiRef<RocketDbaasApi>({ id: 'plugin.rocket-dbaas.service' });
