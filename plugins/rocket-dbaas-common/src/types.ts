import type {
  ActivityStatus,
  ActivityType,
  AvailabilityTier,
  ClusterLifecycle,
  ContactRole,
  ContactType,
  DataSensitivity,
  DbmsType,
  EnvironmentName,
  Health,
  IntakeStatus,
  NoteColour,
  NotificationTopic,
  PortStatus,
  ServerRole,
  Weekday,
  Workload,
} from './enums';

/** @public */
export type Environment = {
  name: EnvironmentName;
  sortOrder: number;
  isProduction: boolean;
};

/** @public */
export type Datacenter = { code: string; name: string; sortOrder: number };

/** @public */
export type MaintenanceWindow = {
  weekday: Weekday;
  /** Start time as HH:MM. */
  start: string;
  durationMinutes: number;
  timeZone: string;
};

/** @public */
export type BackupRetention = { days: number; minFullCount: number };

/** @public */
export type RequestedResources = { cpu: number; ramGb: number; diskGb: number };

/** A server, in a cluster or in the pool. @public */
export type Server = {
  id: number;
  hostname: string;
  address: string;
  datacenter: string;
  environment: EnvironmentName;
  dbmsType: DbmsType;
  cpu: number;
  ramGb: number;
  diskGb: number;
  cluster: string | null;
  role: ServerRole;
  health: Health;
  osVersion: string | null;
  dbVersion: string | null;
  dbVersionNumber: number | null;
  osPatchedAt: string | null;
  dbPatchedAt: string | null;
  lastRebootAt: string | null;
  pendingRestart: boolean;
  collectMetrics: boolean;
  sshUser: string;
  sshPort: number;
  hostKeyFingerprint: string | null;
  /** The pinned public host key ("ssh-ed25519 AAAA..."), for known_hosts files. */
  hostPublicKey: string | null;
  /** When the server last presented a host key other than the pinned one. */
  hostKeyMismatchAt: string | null;
  /** The fingerprint it presented then. */
  hostKeyPresented: string | null;
  /** The last successful SSH contact. */
  lastContactAt: string | null;
  monthlyCost: number | null;
  active: boolean;
  claimedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** @public */
export type Cluster = {
  id: number;
  name: string;
  dbmsType: DbmsType;
  application: string;
  environment: EnvironmentName;
  lifecycle: ClusterLifecycle;
  health: Health;
  readWritePort: number | null;
  readOnlyPort: number | null;
  tls: boolean;
  backupRetention: BackupRetention;
  maintenanceWindow: MaintenanceWindow;
  requested: RequestedResources;
  description: string | null;
  /** Row version for optimistic concurrency: send it back on update. */
  version: number;
  serverCount: number;
  createdAt: string;
  updatedAt: string;
};

/** @public */
export type ClusterWithServers = Cluster & { servers: Server[] };

/** @public */
export type Application = {
  id: number;
  name: string;
  description: string | null;
  /** Catalog group that owns the application, e.g. group:default/payments. */
  owner: string;
  /** An existing catalog Component or System this application is. */
  entityRef: string | null;
  costCentre: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
};

/** @public */
export type Contact = {
  id: number;
  name: string;
  type: ContactType;
  email: string | null;
  phone: string | null;
  userRef: string | null;
  activeFrom: string;
  expiresAt: string | null;
  /** False once expiresAt has passed. */
  active: boolean;
  createdAt: string;
  updatedAt: string;
};

/** A contact as linked to one application. @public */
export type ApplicationContact = Contact & {
  application: string;
  role: ContactRole;
  notify: NotificationTopic[];
  linkActive: boolean;
};

/** @public */
export type Port = {
  port: number;
  status: PortStatus;
  cluster: string | null;
  note: string | null;
};

/** @public */
export type Note = {
  id: number;
  cluster: string;
  title: string;
  body: string;
  ticket: string | null;
  colour: NoteColour;
  author: string;
  createdAt: string;
  updatedAt: string;
};

/** An entry in a cluster's audit log. @public */
export type Activity = {
  id: number;
  cluster: string | null;
  server: string | null;
  dbmsType: DbmsType | null;
  type: ActivityType;
  planned: boolean;
  ticketUrl: string | null;
  status: ActivityStatus;
  actor: string;
  startedAt: string;
  finishedAt: string | null;
  details: string | null;
};

/** @public */
export type Page<T> = { items: T[]; totalCount: number };

/** @public */
export type OperationStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** A durable operation (provisioning, ...) with its capped log. @public */
export type Operation = {
  id: number;
  type: string;
  target: string;
  payload: Record<string, unknown>;
  status: OperationStatus;
  leaseOwner: string | null;
  leaseEpoch: number;
  attempts: number;
  maxAttempts: number;
  log: string;
  error: string | null;
  requestedBy: string;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
};

/** @public */
export type OverviewSummary = {
  clusters: number;
  servers: number;
  freePoolServers: number;
  byHealth: Record<string, number>;
  byEnvironment: Record<string, number>;
  byDbmsType: Record<string, number>;
};

/** A contact named in an intake request. @public */
export type IntakeContact = { name: string; email: string; role: ContactRole };

/** What an application team asks for when it requests a new database. @public */
export type IntakeRequestInput = {
  application: string;
  /** The catalog group that will own the application, e.g. group:default/payments. */
  owner: string;
  contacts: IntakeContact[];
  environments: EnvironmentName[];
  dbmsType: DbmsType;
  expectedSizeGb: number;
  growthGbPerMonth: number;
  workload: Workload;
  availability: AvailabilityTier;
  /** Data the team can afford to lose, in minutes. */
  rpoMinutes: number;
  /** Time the team can be without the database, in minutes. */
  rtoMinutes: number;
  dataSensitivity: DataSensitivity;
  maintenanceWindow: { weekday: Weekday; start: string };
  costCentre: string;
  /** YYYY-MM-DD */
  goLiveDate: string;
  notes: string | null;
};

/** A request for a new database, with the DBA's decision. @public */
export type IntakeRequest = IntakeRequestInput & {
  id: number;
  status: IntakeStatus;
  requestedBy: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  /** The first cluster built for the request, once there is one. */
  cluster: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};
