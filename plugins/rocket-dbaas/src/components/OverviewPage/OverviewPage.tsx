import { Grid } from '@material-ui/core';
import { RocketLayout } from '../RocketLayout/RocketLayout';
import { ClustersTable } from './ClustersTable';
import { SummaryCards } from './SummaryCards';

/** The page a DBA opens every morning: counts, then every cluster. */
export function OverviewPage() {
  return (
    <RocketLayout title="Rocket DBaaS">
      <Grid container spacing={3} direction="column">
        <Grid item>
          <SummaryCards />
        </Grid>
        <Grid item>
          <ClustersTable />
        </Grid>
      </Grid>
    </RocketLayout>
  );
}
