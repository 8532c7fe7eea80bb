import { ResponseErrorPanel, Table } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Application, Contact, ContactRole, NOTIFICATION_TOPICS, NotificationTopic } from '@internal/plugin-rocket-dbaas-common';
import { Button, Grid } from '@material-ui/core';
import AddIcon from '@material-ui/icons/Add';
import EditIcon from '@material-ui/icons/Edit';
import EventBusyIcon from '@material-ui/icons/EventBusy';
import { useState } from 'react';
import { rocketDbaasApiRef } from '../../api/RocketDbaasApi';
import { useRocketAction } from '../../hooks/useRocketAction';
import { useRocketData } from '../../hooks/useRocketRefresh';
import { ApplicationContactsTable } from '../ApplicationContactsTable/ApplicationContactsTable';
import { FormDialog, FormValues } from '../FormDialog/FormDialog';
import { RocketLayout } from '../RocketLayout/RocketLayout';
import {
  applicationFields,
  applicationValues,
  contactFields,
  contactValues,
  linkFields,
  toApplicationInput,
  toContactInput,
} from './directoryForms';

type Editing =
  | { kind: 'application'; item?: Application }
  | { kind: 'contact'; item?: Contact }
  | { kind: 'link'; application?: string };

/** Applications and their contacts: create, edit, expire, and link with a role. */
export function ApplicationsPage() {
  const api = useApi(rocketDbaasApiRef);
  const act = useRocketAction();
  const apps = useRocketData(() => api.listApplications({ limit: 500 }), [api]);
  const contacts = useRocketData(() => api.listContacts({ limit: 500, includeExpired: true }), [api]);
  const [selected, setSelected] = useState<string>();
  const [editing, setEditing] = useState<Editing>();

  const appNames = (apps.value?.items ?? []).map(a => a.name);
  const current = selected ?? appNames[0];

  const save = async (v: FormValues) => {
    if (editing?.kind === 'application') {
      if (editing.item) await api.updateApplication(editing.item.name, toApplicationInput(v));
      else await api.createApplication(toApplicationInput(v));
      apps.retry();
    } else if (editing?.kind === 'contact') {
      if (editing.item) await api.updateContact(editing.item.id, toContactInput(v));
      else await api.createContact(toContactInput(v));
      contacts.retry();
    } else if (editing?.kind === 'link') {
      const notify = (v.notify as string[]).length ? (v.notify as NotificationTopic[]) : [...NOTIFICATION_TOPICS];
      await api.linkContact(String(v.application), Number(v.contactId), { role: v.role as ContactRole, notify });
      setSelected(String(v.application));
    }
  };

  const dialog = {
    application: { title: editing?.kind === 'application' && editing.item ? 'Edit application' : 'New application', fields: applicationFields },
    contact: { title: editing?.kind === 'contact' && editing.item ? 'Edit contact' : 'New contact', fields: contactFields },
    link: { title: 'Link a contact to an application', fields: linkFields(appNames, (contacts.value?.items ?? []).filter(c => c.active)) },
  }[editing?.kind ?? 'application'];

  const initial = (): FormValues | undefined => {
    if (editing?.kind === 'application' && editing.item) return applicationValues(editing.item);
    if (editing?.kind === 'contact') return editing.item ? contactValues(editing.item) : { type: 'person' };
    if (editing?.kind === 'link') return { application: editing.application ?? '', notify: [...NOTIFICATION_TOPICS] };
    return undefined;
  };

  return (
    <RocketLayout title="Applications and contacts" subtitle="Who owns each database, and who is told what">
      <Grid container spacing={3}>
        <Grid item xs={12} md={6}>
          {apps.error && <ResponseErrorPanel error={apps.error} />}
          <Table<Application>
            title="Applications"
            isLoading={apps.loading && !apps.value}
            options={{ pageSize: 10, padding: 'dense' }}
            columns={[
              { title: 'Name', field: 'name' },
              { title: 'Owner', field: 'owner' },
              { title: 'Cost centre', field: 'costCentre' },
            ]}
            data={apps.value?.items ?? []}
            onRowClick={(_e, row) => row && setSelected(row.name)}
            actions={[
              { icon: () => <AddIcon />, tooltip: 'New application', isFreeAction: true, onClick: () => setEditing({ kind: 'application' }) },
              { icon: () => <EditIcon />, tooltip: 'Edit application', onClick: (_e, row) => setEditing({ kind: 'application', item: row as Application }) },
            ]}
          />
        </Grid>
        <Grid item xs={12} md={6}>
          {contacts.error && <ResponseErrorPanel error={contacts.error} />}
          <Table<Contact>
            title="Contacts"
            isLoading={contacts.loading && !contacts.value}
            options={{ pageSize: 10, padding: 'dense' }}
            columns={[
              { title: 'Name', field: 'name' },
              { title: 'Type', field: 'type' },
              { title: 'E-mail', field: 'email' },
              { title: 'Expires', field: 'expiresAt', render: c => (c.expiresAt ? new Date(c.expiresAt).toLocaleDateString() : '—') },
              { title: 'Active', field: 'active', render: c => (c.active ? 'yes' : 'expired') },
            ]}
            data={contacts.value?.items ?? []}
            actions={[
              { icon: () => <AddIcon />, tooltip: 'New contact', isFreeAction: true, onClick: () => setEditing({ kind: 'contact' }) },
              { icon: () => <EditIcon />, tooltip: 'Edit contact', onClick: (_e, row) => setEditing({ kind: 'contact', item: row as Contact }) },
              {
                icon: () => <EventBusyIcon />,
                tooltip: 'Expire contact',
                onClick: (_e, row) => {
                  const c = row as Contact;
                  act(() => api.expireContact(c.id).then(contacts.retry), `${c.name} expired`);
                },
              },
            ]}
          />
        </Grid>
        <Grid item xs={12}>
          <Button variant="contained" color="primary" onClick={() => setEditing({ kind: 'link', application: current })}>
            Link a contact
          </Button>
        </Grid>
        {current && (
          <Grid item xs={12}>
            <ApplicationContactsTable application={current} canUnlink />
          </Grid>
        )}
      </Grid>
      <FormDialog
        open={editing !== undefined}
        title={dialog.title}
        fields={dialog.fields}
        initial={initial()}
        onClose={() => setEditing(undefined)}
        onSubmit={save}
      />
    </RocketLayout>
  );
}
