import { Link, Table, TableColumn } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { ClusterWithServers } from '@internal/plugin-rocket-dbaas-common';
import { useEffect, useRef } from 'react';
import { rocketDbaasApiRef } from '../../api/RocketDbaasApi';
import { useRocketRefresh } from '../../hooks/useRocketRefresh';
import { rootRouteRef } from '../../routes';
import { ClusterServersTable } from '../ClusterServersTable/ClusterServersTable';
import { HealthStatus } from '../HealthStatus/HealthStatus';

const SORTABLE: Record<string, 'name' | 'environment' | 'application' | 'health'> = {
  name: 'name',
  environment: 'environment',
  application: 'application',
  health: 'health',
};

/** Every cluster, paged, sorted and filtered by the server; rows expand to their servers. */
export function ClustersTable() {
  const api = useApi(rocketDbaasApiRef);
  const root = useRouteRef(rootRouteRef)();
  const { tick } = useRocketRefresh();
  const tableRef = useRef<any>();

  useEffect(() => {
    if (tick) tableRef.current?.onQueryChange();
  }, [tick]);

  const columns: TableColumn<ClusterWithServers>[] = [
    { title: 'Name', field: 'name', render: c => <Link to={`${root}/clusters/${c.name}`}>{c.name}</Link> },
    { title: 'Environment', field: 'environment' },
    { title: 'DBMS', field: 'dbmsType', sorting: false },
    { title: 'Application', field: 'application' },
    { title: 'Health', field: 'health', render: c => <HealthStatus health={c.health} /> },
    { title: 'RW port', field: 'readWritePort', sorting: false },
    { title: 'RO port', field: 'readOnlyPort', sorting: false },
    { title: 'Servers', field: 'serverCount', sorting: false },
  ];

  return (
    <Table<ClusterWithServers>
      title="Clusters"
      tableRef={tableRef}
      columns={columns}
      options={{ pageSize: 20, pageSizeOptions: [20, 50, 100], search: true, debounceInterval: 300, padding: 'dense' }}
      localization={{ toolbar: { searchPlaceholder: 'Filter clusters' } }}
      detailPanel={[
        {
          tooltip: 'Show servers',
          render: (rowData: any) => <ClusterServersTable servers={(rowData.rowData ?? rowData).servers} />,
        },
      ]}
      data={async query => {
        const field = query.orderBy?.field as string | undefined;
        const page = await api.listClusters({
          q: query.search || undefined,
          sort: (field && SORTABLE[field]) || 'name',
          order: query.orderDirection === 'desc' ? 'desc' : 'asc',
          limit: query.pageSize,
          offset: query.page * query.pageSize,
        });
        return { data: page.items, page: query.page, totalCount: page.totalCount };
      }}
    />
  );
}
