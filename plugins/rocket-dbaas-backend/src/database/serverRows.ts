import { Server } from '@internal/plugin-rocket-dbaas-common';
import { Knex } from 'knex';
import { NewServer, ServerPatch } from './RocketStore';
import { toBool, toIso, toIsoOrNull, toNumberOrNull } from './conversions';

/** The servers table joined with its cluster's name. */
export function serverSelect(db: Knex | Knex.Transaction): Knex.QueryBuilder {
  return db('servers')
    .leftJoin('clusters', 'clusters.id', 'servers.cluster_id')
    .select('servers.*', 'clusters.name as cluster_name');
}

export function toServer(row: Record<string, any>): Server {
  return {
    id: Number(row.id),
    hostname: row.hostname,
    address: row.address,
    datacenter: row.datacenter,
    environment: row.environment,
    dbmsType: row.dbms_type,
    cpu: Number(row.cpu),
    ramGb: Number(row.ram_gb),
    diskGb: Number(row.disk_gb),
    cluster: row.cluster_name ?? null,
    role: row.role,
    health: row.health,
    osVersion: row.os_version ?? null,
    dbVersion: row.db_version ?? null,
    dbVersionNumber: toNumberOrNull(row.db_version_number),
    osPatchedAt: toIsoOrNull(row.os_patched_at),
    dbPatchedAt: toIsoOrNull(row.db_patched_at),
    lastRebootAt: toIsoOrNull(row.last_reboot_at),
    pendingRestart: toBool(row.pending_restart),
    collectMetrics: toBool(row.collect_metrics),
    sshUser: row.ssh_user,
    sshPort: Number(row.ssh_port),
    hostKeyFingerprint: row.host_key_fingerprint ?? null,
    hostPublicKey: row.host_public_key ?? null,
    hostKeyMismatchAt: toIsoOrNull(row.host_key_mismatch_at),
    hostKeyPresented: row.host_key_presented ?? null,
    lastContactAt: toIsoOrNull(row.last_contact_at),
    monthlyCost: toNumberOrNull(row.monthly_cost),
    active: toBool(row.active),
    claimedAt: toIsoOrNull(row.claimed_at),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

const columns: Record<keyof NewServer | keyof ServerPatch, string> = {
  hostname: 'hostname',
  address: 'address',
  datacenter: 'datacenter',
  environment: 'environment',
  dbmsType: 'dbms_type',
  cpu: 'cpu',
  ramGb: 'ram_gb',
  diskGb: 'disk_gb',
  role: 'role',
  health: 'health',
  clusterId: 'cluster_id',
  osVersion: 'os_version',
  dbVersion: 'db_version',
  dbVersionNumber: 'db_version_number',
  sshUser: 'ssh_user',
  sshPort: 'ssh_port',
  hostKeyFingerprint: 'host_key_fingerprint',
  hostPublicKey: 'host_public_key',
  monthlyCost: 'monthly_cost',
  pendingRestart: 'pending_restart',
  collectMetrics: 'collect_metrics',
  lastRebootAt: 'last_reboot_at',
  osPatchedAt: 'os_patched_at',
  dbPatchedAt: 'db_patched_at',
  active: 'active',
  lastContactAt: 'last_contact_at',
  hostKeyMismatchAt: 'host_key_mismatch_at',
  hostKeyPresented: 'host_key_presented',
};

/** Maps the given fields of a server to their columns; absent fields are left out. */
export function toServerRow(server: Partial<NewServer> | ServerPatch): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(server)) {
    if (value !== undefined) row[columns[key as keyof typeof columns]] = value;
  }
  return row;
}
