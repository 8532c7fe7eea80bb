/**
 * Enumerations of Rocket's data model. They are stored as text with a check
 * constraint; the lists here are the single source of truth.
 */

/** @public */
export const ENVIRONMENTS = ['Sbx', 'Dev', 'QA', 'UAT', 'Prod'] as const;
/** @public */
export type EnvironmentName = (typeof ENVIRONMENTS)[number];

/** @public */
export const DBMS_TYPES = ['postgresql', 'mongodb', 'mysql'] as const;
/** @public */
export type DbmsType = (typeof DBMS_TYPES)[number];

/** @public */
export const CLUSTER_LIFECYCLES = [
  'requested',
  'provisioning',
  'active',
  'failed',
  'decommissioned',
] as const;
/** @public */
export type ClusterLifecycle = (typeof CLUSTER_LIFECYCLES)[number];

/** @public */
export const HEALTHS = [
  'configuring',
  'up',
  'up-with-issues',
  'down',
  'maintenance',
] as const;
/** @public */
export type Health = (typeof HEALTHS)[number];

/** @public */
export const SERVER_ROLES = [
  'pool',
  'claimed',
  'configuring',
  'primary',
  'sync-replica',
  'async-replica',
  'arbiter',
] as const;
/** @public */
export type ServerRole = (typeof SERVER_ROLES)[number];

/** @public */
export const CONTACT_TYPES = ['person', 'distribution-list', 'webhook'] as const;
/** @public */
export type ContactType = (typeof CONTACT_TYPES)[number];

/** @public */
export const CONTACT_ROLES = [
  'owner',
  'primary',
  'secondary',
  'escalation',
  'dba',
] as const;
/** @public */
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** What a contact is told about. @public */
export const NOTIFICATION_TOPICS = [
  'patching',
  'outages',
  'backups',
  'incidents',
] as const;
/** @public */
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];

/** @public */
export const PORT_STATUSES = ['free', 'locked', 'used', 'reserved'] as const;
/** @public */
export type PortStatus = (typeof PORT_STATUSES)[number];

/** @public */
export const ACTIVITY_TYPES = [
  'Create',
  'Failover',
  'Switchover',
  'Down',
  'Up',
  'Patch',
  'DbRestart',
  'ServerRestart',
  'Backup',
  'Restore',
  'ConfigChange',
  'PoolRegister',
  'PoolClaim',
  'PoolRelease',
  'Decommission',
  'HostKeyEnrol',
  'HostKeyMismatch',
] as const;
/** @public */
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** @public */
export const ACTIVITY_STATUSES = [
  'started',
  'succeeded',
  'failed',
  'info',
] as const;
/** @public */
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** @public */
export const NOTE_COLOURS = [
  'grey',
  'blue',
  'green',
  'yellow',
  'orange',
  'red',
] as const;
/** @public */
export type NoteColour = (typeof NOTE_COLOURS)[number];

/** @public */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** @public */
export type Weekday = (typeof WEEKDAYS)[number];

/** Where a request for a new database stands. @public */
export const INTAKE_STATUSES = ['submitted', 'approved', 'rejected', 'fulfilled'] as const;
/** @public */
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];

/** @public */
export const WORKLOADS = ['oltp', 'analytics', 'mixed', 'batch'] as const;
/** @public */
export type Workload = (typeof WORKLOADS)[number];

/** Availability a request asks for: the monthly uptime target. @public */
export const AVAILABILITY_TIERS = ['best-effort', '99.5', '99.9', '99.95', '99.99'] as const;
/** @public */
export type AvailabilityTier = (typeof AVAILABILITY_TIERS)[number];

/** @public */
export const DATA_SENSITIVITIES = ['public', 'internal', 'confidential', 'restricted'] as const;
/** @public */
export type DataSensitivity = (typeof DATA_SENSITIVITIES)[number];
