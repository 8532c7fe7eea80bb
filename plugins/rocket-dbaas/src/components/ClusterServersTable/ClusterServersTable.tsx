import { Link, Table, TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../../routes';
import { Server } from '@internal/plugin-rocket-dbaas-common';
import { HealthStatus } from '../HealthStatus/HealthStatus';

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

const brief = (root: string): TableColumn<Server>[] => [
  { title: 'Datacenter', field: 'datacenter' },
  { title: 'Name', field: 'hostname', render: s => <Link to={`${root}/servers/${s.hostname}`}>{s.hostname}</Link> },
  { title: 'Address', field: 'address' },
  { title: 'Role', field: 'role' },
];

const detail: TableColumn<Server>[] = [
  { title: 'CPU', field: 'cpu', type: 'numeric' },
  { title: 'RAM (GB)', field: 'ramGb', type: 'numeric' },
  { title: 'Disk (GB)', field: 'diskGb', type: 'numeric' },
  { title: 'OS version', field: 'osVersion' },
  { title: 'DB version', field: 'dbVersion' },
];

const status: TableColumn<Server>[] = [
  { title: 'Health', field: 'health', render: s => <HealthStatus health={s.health} /> },
  { title: 'Pending restart', field: 'pendingRestart', render: s => yesNo(s.pendingRestart) },
];

/** A cluster's servers: the brief view in the overview, the full one on the cluster's page. */
export function ClusterServersTable({ servers, detailed = false, title }: { servers: Server[]; detailed?: boolean; title?: string }) {
  const root = useRouteRef(rootRouteRef)();
  return (
    <Table<Server>
      title={title}
      options={{ paging: false, search: false, toolbar: Boolean(title), padding: 'dense' }}
      columns={detailed ? [...brief(root), ...detail, ...status] : [...brief(root), ...status]}
      data={servers}
    />
  );
}
