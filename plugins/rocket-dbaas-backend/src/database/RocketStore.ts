import { KnexOperationStore } from './KnexOperationStore';
import {
  Activity,
  ActivityStatus,
  ActivityType,
  Application,
  ApplicationContact,

  ClusterLifecycle,
  ClusterWithServers,
  Contact,
  ContactRole,
  ContactType,
  Datacenter,
  DbmsType,
  Environment,
  EnvironmentName,
  Health,
  IntakeRequest,
  IntakeRequestInput,
  IntakeStatus,
  MaintenanceWindow,
  BackupRetention,
  Note,
  NoteColour,
  NotificationTopic,
  Page,
  Port,
  PortStatus,
  RequestedResources,
  Server,
  ServerRole,
} from '@internal/plugin-rocket-dbaas-common';

/** Paging of every list. */
export type Paging = { limit: number; offset: number };

export type ClusterSort = 'name' | 'environment' | 'application' | 'health' | 'createdAt';

export type ClusterQuery = Paging & {
  q?: string;
  environment?: EnvironmentName;
  dbmsType?: DbmsType;
  application?: string;
  health?: Health;
  lifecycle?: ClusterLifecycle;
  includeDecommissioned?: boolean;
  sort: ClusterSort;
  order: 'asc' | 'desc';
};

export type NewCluster = {
  name: string;
  dbmsType: DbmsType;
  applicationId: number;
  environment: EnvironmentName;
  lifecycle: ClusterLifecycle;
  health: Health;
  tls: boolean;
  backupRetention: BackupRetention;
  maintenanceWindow: MaintenanceWindow;
  requested: RequestedResources;
  description?: string | null;
};

export type ClusterPatch = Partial<
  Pick<NewCluster, 'health' | 'lifecycle' | 'tls' | 'backupRetention' | 'maintenanceWindow' | 'requested' | 'description'>
> & { applicationId?: number; readWritePort?: number | null; readOnlyPort?: number | null; decommissionedAt?: string };

export type ClusterRef = { id: number; name: string; dbmsType: DbmsType; version: number; lifecycle: ClusterLifecycle };

export type OverviewCounts = {
  clusters: number;
  servers: number;
  freePoolServers: number;
  byHealth: Record<string, number>;
  byEnvironment: Record<string, number>;
  byDbmsType: Record<string, number>;
};

export interface ClusterStore {
  list(query: ClusterQuery): Promise<Page<ClusterWithServers>>;
  get(name: string): Promise<ClusterWithServers | undefined>;
  getRef(name: string): Promise<ClusterRef | undefined>;
  insert(cluster: NewCluster): Promise<number>;
  /** Applies the patch when the row is still at `expectedVersion`; false when it is not. */
  update(id: number, patch: ClusterPatch, expectedVersion: number): Promise<boolean>;
  counts(): Promise<OverviewCounts>;
}

export type ServerFilters = {
  environment?: EnvironmentName;
  datacenter?: string;
  dbmsType?: DbmsType;
  cpu?: number;
  ramGb?: number;
  diskGb?: number;
};

export type ServerQuery = Paging &
  ServerFilters & {
    q?: string;
    hostnames?: string[];
    cluster?: string;
    role?: ServerRole;
    roles?: ServerRole[];
    health?: Health;
  };

export type NewServer = {
  hostname: string;
  address: string;
  datacenter: string;
  environment: EnvironmentName;
  dbmsType: DbmsType;
  cpu: number;
  ramGb: number;
  diskGb: number;
  role: ServerRole;
  health: Health;
  clusterId?: number | null;
  osVersion?: string | null;
  dbVersion?: string | null;
  dbVersionNumber?: number | null;
  sshUser: string;
  sshPort: number;
  hostKeyFingerprint?: string | null;
  /** The full public host key ("ssh-ed25519 AAAA..."), for generated known_hosts files. */
  hostPublicKey?: string | null;
  monthlyCost?: number | null;
  pendingRestart?: boolean;
  collectMetrics?: boolean;
  lastRebootAt?: string | null;
  osPatchedAt?: string | null;
  dbPatchedAt?: string | null;
};

export type ServerPatch = Partial<
  Pick<
    NewServer,
    | 'hostKeyFingerprint'
    | 'hostPublicKey'
    | 'address'
    | 'cpu'
    | 'ramGb'
    | 'diskGb'
    | 'role'
    | 'health'
    | 'osVersion'
    | 'dbVersion'
    | 'dbVersionNumber'
    | 'sshUser'
    | 'sshPort'
    | 'monthlyCost'
    | 'pendingRestart'
    | 'collectMetrics'
  > & { active: boolean; lastContactAt: string | null; hostKeyMismatchAt: string | null; hostKeyPresented: string | null }
>;

export type ClaimRequest = ServerFilters & {
  count?: number;
  hostnames?: string[];
  claimedBy: string;
};

export interface ServerStore {
  list(query: ServerQuery): Promise<Page<Server>>;
  get(hostname: string): Promise<Server | undefined>;
  insertMany(servers: NewServer[]): Promise<void>;
  update(hostname: string, patch: ServerPatch): Promise<boolean>;
  /** Claims pool servers atomically: all of them or none (409). */
  claim(request: ClaimRequest): Promise<Server[]>;
  /** Puts claimed servers to a cluster, with their new role. */
  assign(hostnames: string[], clusterId: number, role: ServerRole): Promise<void>;
  /** Back to the pool: a released claim, or the servers of a decommissioned cluster. */
  returnToPool(where: { hostname?: string; clusterId?: number }): Promise<number>;
}

export interface PortStore {
  /** Makes sure every port of the range has a row; new ones are free. */
  ensureRange(first: number, last: number): Promise<void>;
  /** Marks the two lowest free ports used by the cluster: [readWrite, readOnly]. */
  allocatePair(clusterId: number): Promise<[number, number]>;
  freeForCluster(clusterId: number): Promise<void>;
  list(query: Paging & { status?: PortStatus; cluster?: string }): Promise<Page<Port>>;
}

export type NewApplication = {
  name: string;
  description?: string | null;
  owner: string;
  entityRef?: string | null;
  costCentre?: string | null;
  active?: boolean;
};

export type NewContact = {
  name: string;
  type: ContactType;
  email?: string | null;
  phone?: string | null;
  userRef?: string | null;
  activeFrom?: string;
  expiresAt?: string | null;
};

export type ContactLink = { role: ContactRole; notify: NotificationTopic[]; active: boolean };

export interface DirectoryStore {
  listApplications(query: Paging & { q?: string }): Promise<Page<Application>>;
  getApplication(name: string): Promise<Application | undefined>;
  insertApplication(app: NewApplication): Promise<number>;
  updateApplication(id: number, patch: Partial<NewApplication>): Promise<void>;
  listContacts(query: Paging & { q?: string; includeExpired?: boolean }): Promise<Page<Contact>>;
  getContact(id: number): Promise<Contact | undefined>;
  insertContact(contact: NewContact): Promise<number>;
  updateContact(id: number, patch: Partial<NewContact>): Promise<void>;
  listApplicationContacts(applicationId: number): Promise<ApplicationContact[]>;
  /** Every application's contact links, a page at a time (for the catalog). */
  listLinks(paging: Paging): Promise<Page<ApplicationContact>>;
  linkContact(applicationId: number, contactId: number, link: ContactLink): Promise<void>;
  unlinkContact(applicationId: number, contactId: number): Promise<boolean>;
}

export type NewNote = {
  clusterId: number;
  title: string;
  body: string;
  ticket?: string | null;
  colour: NoteColour;
  author: string;
};

export interface NoteStore {
  list(clusterId: number): Promise<Note[]>;
  get(clusterId: number, id: number): Promise<Note | undefined>;
  insert(note: NewNote): Promise<number>;
  update(id: number, patch: Partial<Omit<NewNote, 'clusterId' | 'author'>>): Promise<void>;
  delete(id: number): Promise<void>;
}

export type NewActivity = {
  clusterId?: number | null;
  server?: string | null;
  dbmsType?: DbmsType | null;
  type: ActivityType;
  planned?: boolean;
  ticketUrl?: string | null;
  status: ActivityStatus;
  actor: string;
  startedAt?: string;
  finishedAt?: string | null;
  details?: string | null;
};

export interface ActivityStore {
  insert(activity: NewActivity): Promise<number>;
  list(query: Paging & { clusterId?: number; server?: string; dbmsType?: DbmsType; type?: ActivityType }): Promise<Page<Activity>>;
}

export interface ReferenceStore {
  environments(): Promise<Environment[]>;
  datacenters(): Promise<Datacenter[]>;
  upsertDatacenter(dc: Datacenter): Promise<void>;
  hasDatacenter(code: string): Promise<boolean>;
}

export type IntakeDecision = {
  status: Extract<IntakeStatus, 'approved' | 'rejected'>;
  decidedBy: string;
  reason: string | null;
};

export interface IntakeStore {
  list(query: Paging & { status?: IntakeStatus }): Promise<Page<IntakeRequest>>;
  get(id: number): Promise<IntakeRequest | undefined>;
  insert(request: IntakeRequestInput, requestedBy: string): Promise<number>;
  /** Records a decision on a submitted request at the given version; false when it moved on. */
  decide(id: number, decision: IntakeDecision, version: number): Promise<boolean>;
  /**
   * Marks an approved request as fulfilled by a cluster (one per requested
   * environment; the first is kept); false when it was never approved.
   */
  fulfil(id: number, cluster: string): Promise<boolean>;
}

export type IdempotencyRecord = { scope: string; actor: string; key: string; bodyHash: string; resultRef: string };

export interface IdempotencyStore {
  find(scope: string, actor: string, key: string): Promise<IdempotencyRecord | undefined>;
  /** Inserts the record; a second insert of the same scope, actor and key violates uniqueness. */
  insert(record: IdempotencyRecord): Promise<void>;
  /** Records what the request created, once it is known (in the same transaction as the insert). */
  settle(scope: string, actor: string, key: string, resultRef: string): Promise<void>;
}

/** Rocket's one store. Every method of a store given to `transaction` runs in it. */
export interface RocketStore {
  readonly operations: KnexOperationStore;
  readonly clusters: ClusterStore;
  readonly servers: ServerStore;
  readonly ports: PortStore;
  readonly directory: DirectoryStore;
  readonly notes: NoteStore;
  readonly activities: ActivityStore;
  readonly reference: ReferenceStore;
  readonly intake: IntakeStore;
  readonly idempotency: IdempotencyStore;
  transaction<T>(fn: (tx: RocketStore) => Promise<T>): Promise<T>;
}

