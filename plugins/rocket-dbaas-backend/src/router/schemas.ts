import {
  ACTIVITY_TYPES,
  CLUSTER_LIFECYCLES,
  CONTACT_ROLES,
  CONTACT_TYPES,
  DBMS_TYPES,
  ENVIRONMENTS,
  HEALTHS,
  NOTE_COLOURS,
  NOTIFICATION_TOPICS,
  PORT_STATUSES,
  SERVER_ROLES,
  WEEKDAYS,
} from '@internal/plugin-rocket-dbaas-common';
import { z } from 'zod';

// Names reach shells, hostnames and URLs later on: they are kept to safe characters.
export const clusterName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,61}[a-z0-9]$/, 'must be 3-63 lowercase letters, digits or dashes, starting with a letter');
export const hostname = z
  .string()
  .max(253)
  .regex(
    /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/,
    'must be a lowercase DNS hostname',
  );
export const applicationName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,98}[A-Za-z0-9]$/, 'must be 2-100 letters, digits, spaces, dots, dashes or underscores');
export const entityRef = z
  .string()
  .max(255)
  .regex(/^[a-z]+:([a-z0-9._-]+\/)?[A-Za-z0-9._-]+$/, 'must be an entity ref like group:default/payments');
export const text = (max: number) => z.string().trim().max(max);
const isoDate = z.string().datetime({ offset: true });
const ticketUrl = z.string().url().max(2048);

const count = (max: number) => z.coerce.number().int().min(0).max(max);
export const paging = { limit: z.coerce.number().int().min(1).max(500).default(50), offset: z.coerce.number().int().min(0).default(0) };
export const pagingQuery = z.object(paging).strict();
const booleanQuery = z.enum(['true', 'false']).transform(v => v === 'true');

export const maintenanceWindow = z
  .object({
    weekday: z.enum(WEEKDAYS),
    start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM'),
    durationMinutes: z.number().int().min(15).max(24 * 60),
    timeZone: z.string().max(64).refine(tz => {
      try {
        return new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone.length > 0;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone'),
  })
  .strict();

const backupRetention = z
  .object({ days: z.number().int().min(1).max(3650), minFullCount: z.number().int().min(1).max(100) })
  .strict();
const requested = z
  .object({ cpu: z.number().int().min(1).max(512), ramGb: z.number().int().min(1).max(8192), diskGb: z.number().int().min(1).max(1_000_000) })
  .strict();

export const pathName = z.object({ name: clusterName }).strict();
export const pathApplication = z.object({ name: applicationName }).strict();
export const pathHostname = z.object({ hostname }).strict();
export const pathId = z.coerce.number().int().min(1).max(2_147_483_647);

export const clusterListQuery = z
  .object({
    q: text(100).optional(),
    environment: z.enum(ENVIRONMENTS).optional(),
    dbmsType: z.enum(DBMS_TYPES).optional(),
    application: applicationName.optional(),
    health: z.enum(HEALTHS).optional(),
    lifecycle: z.enum(CLUSTER_LIFECYCLES).optional(),
    includeDecommissioned: booleanQuery.optional(),
    sort: z.enum(['name', 'environment', 'application', 'health', 'createdAt']).default('name'),
    order: z.enum(['asc', 'desc']).default('asc'),
    ...paging,
  })
  .strict();

export const clusterCreateBody = z
  .object({
    name: clusterName,
    dbmsType: z.enum(DBMS_TYPES),
    application: applicationName,
    environment: z.enum(ENVIRONMENTS),
    tls: z.boolean().default(true),
    backupRetention: backupRetention.default({ days: 14, minFullCount: 2 }),
    maintenanceWindow: maintenanceWindow.default({ weekday: 'sun', start: '02:00', durationMinutes: 120, timeZone: 'UTC' }),
    requested,
    description: text(2000).nullable().optional(),
    servers: z.array(hostname).min(1).max(9).refine(list => new Set(list).size === list.length, 'must not repeat a server').optional(),
    /** Start provisioning the servers (etcd, Patroni, HAProxy) right away. */
    provision: z.boolean().default(false),
    /** The approved intake request this cluster fulfils. */
    intakeRequestId: z.number().int().min(1).max(2_147_483_647).optional(),
  })
  .strict()
  .refine(body => !body.provision || (body.servers?.length ?? 0) > 0, { message: 'provisioning needs servers', path: ['provision'] });

export const idempotencyKeyHeader = z
  .object({
    'idempotency-key': z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,128}$/, 'must be 1-128 letters, digits, dots, dashes, colons or underscores')
      .optional(),
  })
  .strip();

export const clusterUpdateBody = z
  .object({
    application: applicationName.optional(),
    health: z.enum(HEALTHS).optional(),
    tls: z.boolean().optional(),
    backupRetention: backupRetention.optional(),
    maintenanceWindow: maintenanceWindow.optional(),
    requested: requested.optional(),
    description: text(2000).nullable().optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict()
  .refine(body => Object.keys(body).some(k => k !== 'version'), 'must change at least one field');

export const provisionBody = z
  .object({
    servers: z.array(hostname).min(1).max(9).refine(list => new Set(list).size === list.length, 'must not repeat a server').optional(),
  })
  .strict();

export const decommissionBody = z
  .object({ ticketUrl: ticketUrl.optional(), reason: text(500).optional() })
  .strict();

export const serverListQuery = z
  .object({
    q: text(100).optional(),
    cluster: clusterName.optional(),
    environment: z.enum(ENVIRONMENTS).optional(),
    datacenter: z.string().max(32).optional(),
    dbmsType: z.enum(DBMS_TYPES).optional(),
    role: z.enum(SERVER_ROLES).optional(),
    health: z.enum(HEALTHS).optional(),
    ...paging,
  })
  .strict();

export const serverUpdateBody = z
  .object({
    address: z.string().ip().optional(),
    cpu: z.number().int().min(1).max(512).optional(),
    ramGb: z.number().int().min(1).max(8192).optional(),
    diskGb: z.number().int().min(1).max(1_000_000).optional(),
    health: z.enum(HEALTHS).optional(),
    osVersion: text(128).nullable().optional(),
    dbVersion: text(128).nullable().optional(),
    sshUser: z.string().regex(/^[a-z_][a-z0-9_-]{0,31}$/, 'must be a Unix user name').optional(),
    sshPort: z.number().int().min(1).max(65535).optional(),
    monthlyCost: z.number().min(0).max(1_000_000).nullable().optional(),
    pendingRestart: z.boolean().optional(),
    collectMetrics: z.boolean().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine(body => Object.keys(body).length > 0, 'must change at least one field');

const poolFilters = {
  environment: z.enum(ENVIRONMENTS).optional(),
  datacenter: z.string().max(32).optional(),
  dbmsType: z.enum(DBMS_TYPES).optional(),
  cpu: count(512).optional(),
  ramGb: count(8192).optional(),
  diskGb: count(1_000_000).optional(),
};

export const poolListQuery = z
  .object({ ...poolFilters, includeClaimed: booleanQuery.optional(), ...paging })
  .strict();

export const poolServer = z
  .object({
    hostname,
    address: z.string().ip(),
    datacenter: z.string().min(1).max(32),
    environment: z.enum(ENVIRONMENTS),
    dbmsType: z.enum(DBMS_TYPES).default('postgresql'),
    cpu: z.number().int().min(1).max(512),
    ramGb: z.number().int().min(1).max(8192),
    diskGb: z.number().int().min(1).max(1_000_000),
    osVersion: text(128).nullable().optional(),
    sshUser: z.string().regex(/^[a-z_][a-z0-9_-]{0,31}$/, 'must be a Unix user name').default('rocket'),
    sshPort: z.number().int().min(1).max(65535).default(22),
    monthlyCost: z.number().min(0).max(1_000_000).nullable().optional(),
  })
  .strict();

export const poolRegisterBody = z
  .object({
    servers: z
      .array(poolServer)
      .min(1)
      .max(500)
      .refine(list => new Set(list.map(s => s.hostname)).size === list.length, 'must not repeat a hostname'),
  })
  .strict();

export const poolClaimBody = z
  .object({
    count: z.number().int().min(1).max(9).optional(),
    hostnames: z.array(hostname).min(1).max(9).optional(),
    environment: z.enum(ENVIRONMENTS).optional(),
    datacenter: z.string().max(32).optional(),
    dbmsType: z.enum(DBMS_TYPES).optional(),
    cpu: z.number().int().min(0).max(512).optional(),
    ramGb: z.number().int().min(0).max(8192).optional(),
    diskGb: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict()
  .refine(b => !(b.count && b.hostnames), { message: 'give either count or hostnames, not both', path: ['count'] });

export const datacenterBody = z
  .object({ code: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'must be lowercase letters, digits and dashes'), name: text(128).min(1), sortOrder: z.number().int().min(0).max(1000).default(0) })
  .strict();

export const portListQuery = z
  .object({ status: z.enum(PORT_STATUSES).optional(), cluster: clusterName.optional(), ...paging })
  .strict();

export const activityListQuery = z
  .object({ type: z.enum(ACTIVITY_TYPES).optional(), ...paging })
  .strict();
export const pathDbmsType = z.object({ dbmsType: z.enum(DBMS_TYPES) }).strict();

export const searchQuery = z.object({ q: text(100).optional(), ...paging }).strict();
export const contactListQuery = z
  .object({ q: text(100).optional(), includeExpired: booleanQuery.optional(), ...paging })
  .strict();

const applicationFields = {
  name: applicationName,
  description: text(2000).nullable().optional(),
  owner: entityRef,
  entityRef: entityRef.nullable().optional(),
  costCentre: text(64).nullable().optional(),
  active: z.boolean().optional(),
};
export const applicationCreateBody = z.object(applicationFields).strict();
export const applicationUpdateBody = z
  .object(applicationFields)
  .partial()
  .strict()
  .refine(body => Object.keys(body).length > 0, 'must change at least one field');

const contactFields = {
  name: text(200).min(1),
  type: z.enum(CONTACT_TYPES).default('person'),
  email: z.string().email().max(320).nullable().optional(),
  phone: z.string().regex(/^\+?[0-9 ()-]{3,30}$/, 'must be a phone number').nullable().optional(),
  userRef: entityRef.nullable().optional(),
  activeFrom: isoDate.optional(),
  expiresAt: isoDate.nullable().optional(),
};
export const contactCreateBody = z.object(contactFields).strict();
export const contactUpdateBody = z
  .object({ ...contactFields, type: z.enum(CONTACT_TYPES) })
  .partial()
  .strict()
  .refine(body => Object.keys(body).length > 0, 'must change at least one field');
export const contactExpireBody = z.object({ at: isoDate.optional() }).strict();

export const contactLinkBody = z
  .object({
    role: z.enum(CONTACT_ROLES),
    notify: z.array(z.enum(NOTIFICATION_TOPICS)).max(NOTIFICATION_TOPICS.length).default([...NOTIFICATION_TOPICS]),
    active: z.boolean().default(true),
  })
  .strict();

const noteFields = {
  title: text(200).min(1),
  body: text(10_000),
  ticket: text(255).nullable().optional(),
  colour: z.enum(NOTE_COLOURS).default('yellow'),
};
export const noteCreateBody = z.object(noteFields).strict();
export const noteUpdateBody = z
  .object(noteFields)
  .partial()
  .strict()
  .refine(body => Object.keys(body).length > 0, 'must change at least one field');

export const emptyBody = z.object({}).strict();
export const enrolBody = z.object({ replace: z.boolean().default(false) }).strict();
