import { Link, ResponseErrorPanel, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Activity } from '@internal/plugin-rocket-dbaas-common';
import { rocketDbaasApiRef } from '../../api/RocketDbaasApi';
import { useRocketData } from '../../hooks/useRocketRefresh';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

const columns: TableColumn<Activity>[] = [
  { title: 'Started', field: 'startedAt', render: a => when(a.startedAt) },
  { title: 'Finished', field: 'finishedAt', render: a => when(a.finishedAt) },
  { title: 'Type', field: 'type' },
  { title: 'Planned', field: 'planned', render: a => (a.planned ? 'planned' : 'unplanned') },
  { title: 'Status', field: 'status' },
  { title: 'Server', field: 'server' },
  { title: 'Actor', field: 'actor' },
  { title: 'Ticket', field: 'ticketUrl', render: a => (a.ticketUrl ? <Link to={a.ticketUrl}>ticket</Link> : '') },
  { title: 'Details', field: 'details' },
];

/** The audit log of one cluster, or of one server, newest first. */
export function ActivitiesTable(props: { cluster: string } | { server: string }) {
  const api = useApi(rocketDbaasApiRef);
  const key = 'cluster' in props ? props.cluster : props.server;
  const { value, loading, error } = useRocketData(
    () => ('cluster' in props ? api.listClusterActivities(key, { limit: 200 }) : api.listServerActivities(key, { limit: 200 })),
    [api, key],
  );
  if (error) return <ResponseErrorPanel error={error} />;
  return (
    <Table<Activity>
      title={`Activities (${value?.totalCount ?? 0})`}
      isLoading={loading && !value}
      options={{ pageSize: 20, padding: 'dense', search: true }}
      columns={columns}
      data={value?.items ?? []}
    />
  );
}
