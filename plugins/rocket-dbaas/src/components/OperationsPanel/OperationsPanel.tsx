import { EmptyState, InfoCard, LogViewer, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Chip, Grid, Typography } from '@material-ui/core';
import { Operation } from '@internal/plugin-rocket-dbaas-common';
import { rocketDbaasApiRef } from '../../api/RocketDbaasApi';
import { useRocketData } from '../../hooks/useRocketRefresh';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

/** One operation: what, its state, and its log (live while it runs). */
export function OperationCard({ operation }: { operation: Operation }) {
  return (
    <InfoCard
      title={`${operation.type} #${operation.id}`}
      subheader={`requested by ${operation.requestedBy} · started ${when(operation.startedAt)} · finished ${when(operation.finishedAt)} · attempt ${operation.attempts} of ${operation.maxAttempts}`}
      action={<Chip label={operation.status} color={operation.status === 'failed' ? 'secondary' : 'default'} />}
    >
      {operation.error && (
        <Typography color="error" gutterBottom>
          {operation.error}
        </Typography>
      )}
      <div style={{ height: 360 }}>
        <LogViewer text={operation.log || '(no output yet)'} />
      </div>
    </InfoCard>
  );
}

/** The history of a cluster's operations with their logs, newest first. */
export function OperationsPanel({ cluster, runningOnly = false }: { cluster: string; runningOnly?: boolean }) {
  const api = useApi(rocketDbaasApiRef);
  const { value, loading, error } = useRocketData(() => api.listClusterOperations(cluster), [api, cluster]);
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return loading ? <Progress /> : null;
  const shown = runningOnly ? value.filter(op => op.status === 'queued' || op.status === 'running') : value;
  if (!shown.length) return runningOnly ? null : <EmptyState missing="content" title="No operations yet" />;
  return (
    <Grid container spacing={2} direction="column">
      {shown.map(op => (
        <Grid item key={op.id}>
          <OperationCard operation={op} />
        </Grid>
      ))}
    </Grid>
  );
}
