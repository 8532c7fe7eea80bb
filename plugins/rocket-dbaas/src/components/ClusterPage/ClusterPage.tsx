import { Progress, ResponseErrorPanel, TabbedLayout } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Grid } from '@material-ui/core';
import { useParams } from 'react-router-dom';
import { rocketDbaasApiRef } from '../../api/RocketDbaasApi';
import { useRocketData } from '../../hooks/useRocketRefresh';
import { ActivitiesTable } from '../ActivitiesTable/ActivitiesTable';
import { ApplicationContactsTable } from '../ApplicationContactsTable/ApplicationContactsTable';
import { ClusterServersTable } from '../ClusterServersTable/ClusterServersTable';
import { NotesPanel } from '../NotesPanel/NotesPanel';
import { OperationsPanel } from '../OperationsPanel/OperationsPanel';
import { RocketLayout } from '../RocketLayout/RocketLayout';
import { ClusterDetailsCard } from './ClusterDetailsCard';
import { ProvisionCard } from './ProvisionCard';

/** One cluster: its facts, its servers, and tabs for its log, contacts and notes. */
export function ClusterPage() {
  const { name = '' } = useParams();
  const api = useApi(rocketDbaasApiRef);
  const { value: cluster, loading, error, retry } = useRocketData(() => api.getCluster(name), [api, name]);

  return (
    <RocketLayout title={name} subtitle={cluster ? `${cluster.application} · ${cluster.environment} · ${cluster.dbmsType}` : undefined}>
      {error && <ResponseErrorPanel error={error} />}
      {!cluster && loading && <Progress />}
      {cluster && (
        <Grid container spacing={3} direction="column">
          <Grid item>
            <ClusterDetailsCard cluster={cluster} />
          </Grid>
          {(cluster.lifecycle === 'failed' || cluster.lifecycle === 'requested') && (
            <Grid item>
              <ProvisionCard cluster={cluster} onStarted={retry} />
            </Grid>
          )}
          {/* the live log of a provisioning (or any operation) while it runs */}
          <Grid item>
            <OperationsPanel cluster={cluster.name} runningOnly />
          </Grid>
          <Grid item>
            <ClusterServersTable title="Servers" servers={cluster.servers} detailed />
          </Grid>
          <Grid item>
            <TabbedLayout>
              <TabbedLayout.Route path="/" title="Activities">
                <ActivitiesTable cluster={cluster.name} />
              </TabbedLayout.Route>
              <TabbedLayout.Route path="/contacts" title="Contacts">
                <ApplicationContactsTable application={cluster.application} />
              </TabbedLayout.Route>
              <TabbedLayout.Route path="/notes" title="Notes">
                <NotesPanel cluster={cluster.name} />
              </TabbedLayout.Route>
              <TabbedLayout.Route path="/logs" title="Logs">
                <OperationsPanel cluster={cluster.name} />
              </TabbedLayout.Route>
            </TabbedLayout>
          </Grid>
        </Grid>
      )}
    </RocketLayout>
  );
}
