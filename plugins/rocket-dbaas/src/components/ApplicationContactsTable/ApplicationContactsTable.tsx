import { ResponseErrorPanel, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ApplicationContact } from '@internal/plugin-rocket-dbaas-common';
import { IconButton, Tooltip } from '@material-ui/core';
import LinkOffIcon from '@material-ui/icons/LinkOff';
import { rocketDbaasApiRef } from '../../api/RocketDbaasApi';
import { useRocketAction } from '../../hooks/useRocketAction';
import { useRocketData } from '../../hooks/useRocketRefresh';

/** The contacts of an application, with their role and what they are told about. */
export function ApplicationContactsTable({ application, canUnlink = false }: { application: string; canUnlink?: boolean }) {
  const api = useApi(rocketDbaasApiRef);
  const act = useRocketAction();
  const { value, loading, error, retry } = useRocketData(() => api.listApplicationContacts(application), [api, application]);
  if (error) return <ResponseErrorPanel error={error} />;
  const columns: TableColumn<ApplicationContact>[] = [
    { title: 'Name', field: 'name' },
    { title: 'Role', field: 'role' },
    { title: 'Type', field: 'type' },
    { title: 'E-mail', field: 'email' },
    { title: 'Phone', field: 'phone' },
    { title: 'Told about', field: 'notify', render: c => c.notify.join(', ') },
    { title: 'Active', field: 'active', render: c => (c.active && c.linkActive ? 'yes' : 'expired') },
  ];
  if (canUnlink) {
    columns.push({
      title: '',
      field: 'id',
      render: c => (
        <Tooltip title={`Unlink ${c.name}`}>
          <IconButton aria-label={`Unlink ${c.name}`} size="small" onClick={() => act(() => api.unlinkContact(application, c.id).then(retry), `${c.name} unlinked`)}>
            <LinkOffIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      ),
    });
  }
  return (
    <Table<ApplicationContact>
      title={`Contacts of ${application}`}
      isLoading={loading && !value}
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={value ?? []}
    />
  );
}
