import { DBMS_TYPES, ENVIRONMENTS } from '@internal/plugin-rocket-dbaas-common';
import { FormControlLabel, Grid, MenuItem, Switch, TextField } from '@material-ui/core';
import { PoolQuery } from '../../api/RocketDbaasApi';

type Props = { query: PoolQuery; datacenters: string[]; onChange(query: PoolQuery): void };

const minimum = (value: string) => (value === '' ? undefined : Math.max(0, Number(value)));

/** The pool API's filters: environment, datacenter, DBMS and minimum sizes. */
export function PoolFilters({ query, datacenters, onChange }: Props) {
  const select = (name: 'environment' | 'datacenter' | 'dbmsType', label: string, options: readonly string[]) => (
    <Grid item xs={6} md={2}>
      <TextField
        select
        fullWidth
        id={`pool-filter-${name}`}
        label={label}
        value={query[name] ?? ''}
        onChange={e => onChange({ ...query, [name]: e.target.value || undefined })}
      >
        <MenuItem value="">any</MenuItem>
        {options.map(o => (
          <MenuItem key={o} value={o}>
            {o}
          </MenuItem>
        ))}
      </TextField>
    </Grid>
  );
  const size = (name: 'cpu' | 'ramGb' | 'diskGb', label: string) => (
    <Grid item xs={4} md={1}>
      <TextField
        type="number"
        fullWidth
        id={`pool-filter-${name}`}
        label={label}
        inputProps={{ min: 0 }}
        value={query[name] ?? ''}
        onChange={e => onChange({ ...query, [name]: minimum(e.target.value) })}
      />
    </Grid>
  );
  return (
    <Grid container spacing={2} alignItems="flex-end">
      {select('environment', 'Environment', ENVIRONMENTS)}
      {select('datacenter', 'Datacenter', datacenters)}
      {select('dbmsType', 'DBMS', DBMS_TYPES)}
      {size('cpu', 'CPU ≥')}
      {size('ramGb', 'RAM GB ≥')}
      {size('diskGb', 'Disk GB ≥')}
      <Grid item xs={12} md={3}>
        <FormControlLabel
          control={<Switch checked={Boolean(query.includeClaimed)} onChange={e => onChange({ ...query, includeClaimed: e.target.checked })} />}
          label="Show claimed servers"
        />
      </Grid>
    </Grid>
  );
}
