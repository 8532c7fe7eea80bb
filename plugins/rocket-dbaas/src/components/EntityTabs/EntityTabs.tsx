import { Link, MissingAnnotationEmptyState, Progress, ResponseErrorPanel, Table } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ClusterWithServers } from '@internal/plugin-rocket-dbaas-common';
import { Grid } from '@material-ui/core';
import { rocketDbaasApiRef } from '../../api/RocketDbaasApi';
import { RocketRefreshProvider, useRocketData } from '../../hooks/useRocketRefresh';
import { rootRouteRef } from '../../routes';
import { ActivitiesTable } from '../ActivitiesTable/ActivitiesTable';
import { ApplicationContactsTable } from '../ApplicationContactsTable/ApplicationContactsTable';
import { ClusterDetailsCard } from '../ClusterPage/ClusterDetailsCard';
import { ClusterServersTable } from '../ClusterServersTable/ClusterServersTable';
import { HealthStatus } from '../HealthStatus/HealthStatus';
import { ROCKET_ANNOTATION_APPLICATION, ROCKET_ANNOTATION_CLUSTER } from '@internal/plugin-rocket-dbaas-common';


function ClusterContent({ name }: { name: string }) {
  const api = useApi(rocketDbaasApiRef);
  const { value, loading, error } = useRocketData(() => api.getCluster(name), [api, name]);
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return loading ? <Progress /> : null;
  return (
    <Grid container spacing={3} direction="column">
      <Grid item>
        <ClusterDetailsCard cluster={value} />
      </Grid>
      <Grid item>
        <ClusterServersTable title="Servers" servers={value.servers} detailed />
      </Grid>
      <Grid item>
        <ActivitiesTable cluster={value.name} />
      </Grid>
    </Grid>
  );
}

/** The Rocket tab of a cluster's catalog page: servers, health, ports and activities. */
export function EntityRocketClusterContent() {
  const { entity } = useEntity();
  const name = entity.metadata.annotations?.[ROCKET_ANNOTATION_CLUSTER];
  if (!name) return <MissingAnnotationEmptyState annotation={ROCKET_ANNOTATION_CLUSTER} />;
  return (
    <RocketRefreshProvider>
      <ClusterContent name={name} />
    </RocketRefreshProvider>
  );
}

function Databases({ application }: { application: string }) {
  const api = useApi(rocketDbaasApiRef);
  const root = useRouteRef(rootRouteRef)();
  const { value, loading, error } = useRocketData(() => api.listClusters({ application, limit: 500 }), [api, application]);
  if (error) return <ResponseErrorPanel error={error} />;
  return (
    <Table<ClusterWithServers>
      title={`Databases of ${application}`}
      isLoading={loading && !value}
      options={{ paging: false, padding: 'dense' }}
      columns={[
        { title: 'Cluster', field: 'name', render: c => <Link to={`${root}/clusters/${c.name}`}>{c.name}</Link> },
        { title: 'Environment', field: 'environment' },
        { title: 'DBMS', field: 'dbmsType' },
        { title: 'Health', field: 'health', render: c => <HealthStatus health={c.health} /> },
        { title: 'RW port', field: 'readWritePort' },
        { title: 'RO port', field: 'readOnlyPort' },
        { title: 'Servers', field: 'serverCount' },
      ]}
      data={value?.items ?? []}
    />
  );
}

/** The Databases tab of an application's catalog page: its clusters. */
export function EntityRocketDatabasesContent() {
  const { entity } = useEntity();
  const application = entity.metadata.annotations?.[ROCKET_ANNOTATION_APPLICATION];
  if (!application) return <MissingAnnotationEmptyState annotation={ROCKET_ANNOTATION_APPLICATION} />;
  return (
    <RocketRefreshProvider>
      <Databases application={application} />
    </RocketRefreshProvider>
  );
}

/** The contacts card of an application's catalog page. */
export function EntityRocketContactsCard() {
  const { entity } = useEntity();
  const application = entity.metadata.annotations?.[ROCKET_ANNOTATION_APPLICATION];
  if (!application) return <MissingAnnotationEmptyState annotation={ROCKET_ANNOTATION_APPLICATION} />;
  return (
    <RocketRefreshProvider>
      <ApplicationContactsTable application={application} />
    </RocketRefreshProvider>
  );
}
