import { InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Grid, Typography } from '@material-ui/core';
import { rocketDbaasApiRef } from '../../api/RocketDbaasApi';
import { useRocketData } from '../../hooks/useRocketRefresh';

function Counts({ counts }: { counts: Record<string, number> }) {
  const entries = Object.entries(counts);
  return (
    <Typography variant="body2">
      {entries.length ? entries.map(([k, v]) => `${k}: ${v}`).join(' · ') : 'none'}
    </Typography>
  );
}

/** The counts at the top of the overview. */
export function SummaryCards() {
  const api = useApi(rocketDbaasApiRef);
  const { value, loading, error } = useRocketData(() => api.getOverview(), [api]);
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return loading ? <Progress /> : null;
  const cards = [
    { title: 'Clusters', total: value.clusters, detail: <Counts counts={value.byHealth} /> },
    { title: 'By environment', total: undefined, detail: <Counts counts={value.byEnvironment} /> },
    { title: 'By DBMS', total: undefined, detail: <Counts counts={value.byDbmsType} /> },
    { title: 'Servers', total: value.servers, detail: <Typography variant="body2">{value.freePoolServers} free in the pool</Typography> },
  ];
  return (
    <Grid container spacing={2}>
      {cards.map(card => (
        <Grid item xs={12} sm={6} md={3} key={card.title}>
          <InfoCard title={card.title} noPadding={false}>
            {card.total !== undefined && (
              <Typography variant="h4" aria-label={`${card.title} total`}>
                {card.total}
              </Typography>
            )}
            {card.detail}
          </InfoCard>
        </Grid>
      ))}
    </Grid>
  );
}
