import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { ClusterWithServers, rocketClusterUpdatePermission } from '@internal/plugin-rocket-dbaas-common';
import { Button, Typography } from '@material-ui/core';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { rocketDbaasApiRef } from '../../api/RocketDbaasApi';
import { useRocketAction } from '../../hooks/useRocketAction';
import { FormDialog } from '../FormDialog/FormDialog';
import { isEnrolled } from '../PoolServerPicker/choosePoolServers';

/**
 * For a cluster that was never provisioned, or whose provisioning failed: start
 * (or retry) it. A failed cluster gave its servers back, so the DBA picks
 * pool servers again, the same ones once they are fixed or others.
 */
export function ProvisionCard({ cluster, onStarted }: { cluster: ClusterWithServers; onStarted(): void }) {
  const api = useApi(rocketDbaasApiRef);
  const act = useRocketAction();
  const { allowed } = usePermission({ permission: rocketClusterUpdatePermission });
  const [choosing, setChoosing] = useState(false);
  const needsServers = cluster.servers.length === 0;
  const pool = useAsync(
    async () =>
      choosing ? (await api.listPoolServers({ environment: cluster.environment, dbmsType: cluster.dbmsType, limit: 200 })).items.filter(isEnrolled) : [],
    [api, choosing, cluster.environment, cluster.dbmsType],
  );
  if (!allowed || (cluster.lifecycle !== 'failed' && cluster.lifecycle !== 'requested')) return null;

  const failed = cluster.lifecycle === 'failed';
  const start = () =>
    needsServers ? setChoosing(true) : act(() => api.provisionCluster(cluster.name).then(onStarted), `Provisioning of ${cluster.name} queued`);

  return (
    <InfoCard title={failed ? 'Provisioning failed' : 'Not provisioned yet'}>
      <Typography paragraph>
        {failed
          ? 'The Logs tab keeps the failed run. Its servers went back to the pool and its ports were freed; retry on pool servers that answer.'
          : `The cluster holds ${cluster.servers.length} server(s) and no provisioning has run.`}
      </Typography>
      <Button variant="contained" color="primary" onClick={start}>
        {failed ? 'Retry provisioning' : 'Provision now'}
      </Button>
      <FormDialog
        open={choosing}
        title={`Provision ${cluster.name}`}
        submitLabel="Provision"
        fields={[
          {
            name: 'servers',
            label: `Pool servers (${cluster.environment}, enrolled)`,
            type: 'select',
            multiple: true,
            required: true,
            options: (pool.value ?? []).map(s => ({ value: s.hostname, label: `${s.hostname} · ${s.datacenter} · ${s.cpu} CPU, ${s.ramGb} GB` })),
            helperText: pool.loading ? 'Loading the pool…' : 'Three servers in two datacenters make a highly available cluster',
          },
        ]}
        onClose={() => setChoosing(false)}
        onSubmit={async v => {
          await api.provisionCluster(cluster.name, v.servers as string[]);
          onStarted();
        }}
      />
    </InfoCard>
  );
}
