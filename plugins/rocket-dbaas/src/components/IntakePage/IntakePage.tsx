import { Link, LinkButton, ResponseErrorPanel, Table } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { INTAKE_STATUSES, IntakeRequest, IntakeStatus } from '@internal/plugin-rocket-dbaas-common';
import { Grid, MenuItem, TextField } from '@material-ui/core';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { rocketDbaasApiRef } from '../../api/RocketDbaasApi';
import { useRocketAction } from '../../hooks/useRocketAction';
import { useRocketData } from '../../hooks/useRocketRefresh';
import { createFromTemplateRouteRef, rootRouteRef } from '../../routes';
import { FormDialog } from '../FormDialog/FormDialog';
import { RocketLayout } from '../RocketLayout/RocketLayout';
import { IntakeDetails } from './IntakeDetails';
import { INTAKE_TEMPLATE } from './intakeWizard';

/** Requests for new databases: the DBA team approves or rejects each, then builds the approved ones. */
export function IntakePage() {
  const api = useApi(rocketDbaasApiRef);
  const act = useRocketAction();
  const root = useRouteRef(rootRouteRef)();
  const templateRoute = useRouteRef(createFromTemplateRouteRef);
  const navigate = useNavigate();
  const { id } = useParams();
  const [status, setStatus] = useState<IntakeStatus | ''>('');
  const [rejecting, setRejecting] = useState(false);
  const requests = useRocketData(() => api.listIntakeRequests({ status: status || undefined, limit: 200 }), [api, status]);
  const selectedId = id ? Number(id) : undefined;
  const selected = useRocketData(
    () => (selectedId ? api.getIntakeRequest(selectedId) : Promise.resolve(undefined)),
    [api, selectedId],
  );
  const apps = useRocketData(() => api.listApplications({ limit: 500 }), [api]);
  const request = selected.value;

  const decide = (decision: 'approve' | 'reject', reason?: string) =>
    api.decideIntakeRequest(request!.id, decision, { version: request!.version, ...(reason ? { reason } : {}) }).then(() => {
      selected.retry();
      requests.retry();
    });

  const newRequestPath = templateRoute?.(INTAKE_TEMPLATE);
  return (
    <RocketLayout title="Intake" subtitle="Requests for new databases, and the DBA team's decisions">
      <Grid container spacing={3}>
        <Grid item xs={12} md={request ? 6 : 12}>
          {requests.error && <ResponseErrorPanel error={requests.error} />}
          <Table<IntakeRequest>
            title={
              <Grid container spacing={2} alignItems="center">
                <Grid item>Requests</Grid>
                <Grid item>
                  <TextField
                    select
                    size="small"
                    label="Status"
                    id="rocket-intake-status"
                    value={status}
                    onChange={e => setStatus(e.target.value as IntakeStatus | '')}
                    style={{ minWidth: 140 }}
                  >
                    <MenuItem value="">all</MenuItem>
                    {INTAKE_STATUSES.map(s => (
                      <MenuItem key={s} value={s}>
                        {s}
                      </MenuItem>
                    ))}
                  </TextField>
                </Grid>
                {newRequestPath && (
                  <Grid item>
                    <LinkButton size="small" variant="outlined" color="primary" to={newRequestPath}>
                      Request a new database
                    </LinkButton>
                  </Grid>
                )}
              </Grid>
            }
            isLoading={requests.loading && !requests.value}
            options={{ pageSize: 10, padding: 'dense', search: false }}
            columns={[
              { title: '#', field: 'id', width: '60px' },
              { title: 'Application', field: 'application', render: r => <Link to={`${root}/intake/${r.id}`}>{r.application}</Link> },
              { title: 'Environments', field: 'environments', render: r => r.environments.join(', ') },
              { title: 'Size (GB)', field: 'expectedSizeGb' },
              { title: 'Go-live', field: 'goLiveDate' },
              { title: 'Status', field: 'status' },
              { title: 'Requested by', field: 'requestedBy' },
            ]}
            data={requests.value?.items ?? []}
            onRowClick={(_e, row) => row && navigate(`${root}/intake/${row.id}`)}
          />
        </Grid>
        {selected.error && (
          <Grid item xs={12} md={6}>
            <ResponseErrorPanel error={selected.error} />
          </Grid>
        )}
        {request && (
          <Grid item xs={12} md={6}>
            <IntakeDetails
              request={request}
              applicationKnown={(apps.value?.items ?? []).some(a => a.name === request.application)}
              onApprove={() => act(() => decide('approve'), `Request ${request.id} approved`)}
              onReject={() => setRejecting(true)}
            />
          </Grid>
        )}
      </Grid>
      <FormDialog
        open={rejecting}
        title={`Reject request ${request?.id ?? ''}`}
        submitLabel="Reject"
        fields={[{ name: 'reason', label: 'Why (the requester sees this)', type: 'multiline', required: true }]}
        onClose={() => setRejecting(false)}
        onSubmit={v => decide('reject', String(v.reason).trim())}
      />
    </RocketLayout>
  );
}
