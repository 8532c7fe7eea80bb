import { Link, ResponseErrorPanel, Table, TableColumn } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../../routes';
import { DBMS_TYPES, ENVIRONMENTS, Server } from '@internal/plugin-rocket-dbaas-common';
import { Button, Grid } from '@material-ui/core';
import AddIcon from '@material-ui/icons/Add';
import { useState } from 'react';
import { PoolQuery, rocketDbaasApiRef } from '../../api/RocketDbaasApi';
import { useRocketAction } from '../../hooks/useRocketAction';
import { useRocketData } from '../../hooks/useRocketRefresh';
import { FormDialog, FormField, FormValues } from '../FormDialog/FormDialog';
import { HealthStatus } from '../HealthStatus/HealthStatus';
import { RocketLayout } from '../RocketLayout/RocketLayout';
import { PoolFilters } from './PoolFilters';

const registerFields = (datacenters: string[]): FormField[] => [
  { name: 'hostname', label: 'Hostname', required: true, helperText: 'Lowercase DNS name, e.g. pg101.dc1.example.com' },
  { name: 'address', label: 'IP address', required: true },
  { name: 'datacenter', label: 'Datacenter', type: 'select', options: datacenters, required: true },
  { name: 'environment', label: 'Environment', type: 'select', options: ENVIRONMENTS, required: true },
  { name: 'dbmsType', label: 'DBMS', type: 'select', options: DBMS_TYPES, required: true },
  { name: 'cpu', label: 'CPU', type: 'number', required: true },
  { name: 'ramGb', label: 'RAM (GB)', type: 'number', required: true },
  { name: 'diskGb', label: 'Disk (GB)', type: 'number', required: true },
  { name: 'sshUser', label: 'SSH user', helperText: 'Defaults to rocket' },
];

/** The pool of pre-built servers: filter, register, and release claimed ones. */
export function PoolServersPage() {
  const api = useApi(rocketDbaasApiRef);
  const root = useRouteRef(rootRouteRef)();
  const act = useRocketAction();
  const [query, setQuery] = useState<PoolQuery>({});
  const [registering, setRegistering] = useState(false);
  const datacenters = useRocketData(() => api.listDatacenters(), [api]);
  const pool = useRocketData(() => api.listPoolServers({ ...query, limit: 500 }), [api, JSON.stringify(query)]);
  const dcCodes = (datacenters.value ?? []).map(d => d.code);

  const register = async (v: FormValues) => {
    await api.registerPoolServer({
      hostname: String(v.hostname).trim(),
      address: String(v.address).trim(),
      datacenter: String(v.datacenter),
      environment: String(v.environment),
      dbmsType: String(v.dbmsType),
      cpu: Number(v.cpu),
      ramGb: Number(v.ramGb),
      diskGb: Number(v.diskGb),
      ...(String(v.sshUser ?? '').trim() ? { sshUser: String(v.sshUser).trim() } : {}),
    });
    pool.retry();
  };

  const columns: TableColumn<Server>[] = [
    { title: 'Hostname', field: 'hostname', render: s => <Link to={`${root}/servers/${s.hostname}`}>{s.hostname}</Link> },
    { title: 'Address', field: 'address' },
    { title: 'Datacenter', field: 'datacenter' },
    { title: 'Environment', field: 'environment' },
    { title: 'DBMS', field: 'dbmsType' },
    { title: 'CPU', field: 'cpu', type: 'numeric' },
    { title: 'RAM (GB)', field: 'ramGb', type: 'numeric' },
    { title: 'Disk (GB)', field: 'diskGb', type: 'numeric' },
    { title: 'State', field: 'role' },
    { title: 'Health', field: 'health', render: s => <HealthStatus health={s.health} /> },
    {
      title: '',
      field: 'id',
      render: s =>
        s.role === 'claimed' ? (
          <Button size="small" variant="outlined" onClick={() => act(() => api.releasePoolServer(s.hostname).then(pool.retry), `${s.hostname} is back in the pool`)}>
            Release
          </Button>
        ) : null,
    },
  ];

  return (
    <RocketLayout title="Pool servers" subtitle="Pre-built servers that new clusters are made of">
      <Grid container spacing={3} direction="column">
        <Grid item>
          <PoolFilters query={query} datacenters={dcCodes} onChange={setQuery} />
        </Grid>
        <Grid item>
          <Button variant="contained" color="primary" startIcon={<AddIcon />} onClick={() => setRegistering(true)}>
            Register a server
          </Button>
        </Grid>
        <Grid item>
          {pool.error ? (
            <ResponseErrorPanel error={pool.error} />
          ) : (
            <Table<Server>
              title={`Pool servers (${pool.value?.totalCount ?? 0})`}
              isLoading={pool.loading && !pool.value}
              options={{ pageSize: 20, padding: 'dense', search: false }}
              columns={columns}
              data={pool.value?.items ?? []}
            />
          )}
        </Grid>
      </Grid>
      <FormDialog
        open={registering}
        title="Register a pool server"
        fields={registerFields(dcCodes)}
        initial={{ dbmsType: 'postgresql' }}
        submitLabel="Register"
        onClose={() => setRegistering(false)}
        onSubmit={register}
      />
    </RocketLayout>
  );
}
