import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { ClusterWithServers } from '@internal/plugin-rocket-dbaas-common';
import { HealthStatus } from '../HealthStatus/HealthStatus';

/** The header facts of a cluster. */
export function ClusterDetailsCard({ cluster }: { cluster: ClusterWithServers }) {
  const mw = cluster.maintenanceWindow;
  return (
    <InfoCard title="Cluster">
      <StructuredMetadataTable
        metadata={{
          name: cluster.name,
          environment: cluster.environment,
          DBMS: cluster.dbmsType,
          application: cluster.application,
          lifecycle: cluster.lifecycle,
          health: <HealthStatus health={cluster.health} />,
          'read-write port': cluster.readWritePort ?? '—',
          'read-only port': cluster.readOnlyPort ?? '—',
          TLS: cluster.tls ? 'on' : 'off',
          'backup retention': `${cluster.backupRetention.days} days, at least ${cluster.backupRetention.minFullCount} full`,
          'maintenance window': `${mw.weekday} ${mw.start} for ${mw.durationMinutes} min (${mw.timeZone})`,
          requested: `${cluster.requested.cpu} CPU, ${cluster.requested.ramGb} GB RAM, ${cluster.requested.diskGb} GB disk`,
        }}
      />
    </InfoCard>
  );
}
