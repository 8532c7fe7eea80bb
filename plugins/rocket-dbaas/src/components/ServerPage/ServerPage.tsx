import { InfoCard, Link, Progress, ResponseErrorPanel, StructuredMetadataTable } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { Button, Grid } from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import { useParams } from 'react-router-dom';
import { rocketDbaasApiRef } from '../../api/RocketDbaasApi';
import { useRocketAction } from '../../hooks/useRocketAction';
import { useRocketData } from '../../hooks/useRocketRefresh';
import { rootRouteRef } from '../../routes';
import { ActivitiesTable } from '../ActivitiesTable/ActivitiesTable';
import { HealthStatus } from '../HealthStatus/HealthStatus';
import { RocketLayout } from '../RocketLayout/RocketLayout';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

/** One server: its facts, its SSH host key, and its activities. */
export function ServerPage() {
  const { hostname = '' } = useParams();
  const api = useApi(rocketDbaasApiRef);
  const root = useRouteRef(rootRouteRef)();
  const act = useRocketAction();
  const { value: server, loading, error, retry } = useRocketData(() => api.getServer(hostname), [api, hostname]);

  return (
    <RocketLayout title={hostname} subtitle={server ? `${server.role} · ${server.datacenter} · ${server.environment}` : undefined}>
      {error && <ResponseErrorPanel error={error} />}
      {!server && loading && <Progress />}
      {server && (
        <Grid container spacing={3} direction="column">
          {server.hostKeyMismatchAt && (
            <Grid item>
              <Alert severity="error" role="alert">
                On {when(server.hostKeyMismatchAt)} this server presented the host key {server.hostKeyPresented}, not the pinned{' '}
                {server.hostKeyFingerprint}. Rocket refused the connection and ran nothing. Check the server; if its key was
                replaced on purpose, trust the new one.
              </Alert>
            </Grid>
          )}
          <Grid item>
            <InfoCard
              title="Server"
              actions={
                <>
                  <Button onClick={() => act(() => api.checkServer(hostname).then(retry), 'Connection checked')}>Check connection</Button>
                  {(!server.hostKeyFingerprint || server.hostKeyMismatchAt) && (
                    <Button
                      onClick={() =>
                        act(() => api.enrolServer(hostname, Boolean(server.hostKeyFingerprint)).then(retry), 'Host key pinned')
                      }
                    >
                      {server.hostKeyFingerprint ? 'Trust the presented host key' : 'Enrol host key'}
                    </Button>
                  )}
                </>
              }
            >
              <StructuredMetadataTable
                metadata={{
                  hostname: server.hostname,
                  address: server.address,
                  cluster: server.cluster ? <Link to={`${root}/clusters/${server.cluster}`}>{server.cluster}</Link> : 'in the pool',
                  role: server.role,
                  health: <HealthStatus health={server.health} />,
                  datacenter: server.datacenter,
                  environment: server.environment,
                  size: `${server.cpu} CPU, ${server.ramGb} GB RAM, ${server.diskGb} GB disk`,
                  'OS version': server.osVersion ?? '—',
                  'DB version': server.dbVersion ?? '—',
                  'pending restart': server.pendingRestart ? 'yes' : 'no',
                  SSH: `${server.sshUser}@${server.address}:${server.sshPort}`,
                  'pinned host key': server.hostKeyFingerprint ?? 'none: enrol it before Rocket connects',
                  'last contact': when(server.lastContactAt),
                }}
              />
            </InfoCard>
          </Grid>
          <Grid item>
            <ActivitiesTable server={server.hostname} />
          </Grid>
        </Grid>
      )}
    </RocketLayout>
  );
}
