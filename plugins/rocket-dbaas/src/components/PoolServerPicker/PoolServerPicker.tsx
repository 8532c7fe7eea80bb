import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { Checkbox, FormControl, FormHelperText, FormLabel, List, ListItem, ListItemIcon, ListItemText } from '@material-ui/core';
import { useEffect } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { rocketDbaasApiRef } from '../../api/RocketDbaasApi';
import { choosePoolServers, isEnrolled, notEnrolledReason } from './choosePoolServers';

export type PoolServerPickerOptions = { count?: number };

/**
 * A scaffolder field: the pool servers that match the environment, DBMS and
 * size chosen earlier in the form. It preselects `count` of them across two
 * datacenters; the user may change the choice.
 */
export function PoolServerPicker(props: FieldExtensionComponentProps<string[], PoolServerPickerOptions>) {
  const { formData, onChange, uiSchema, rawErrors, required, schema } = props;
  const form = ((props as { formContext?: { formData?: Record<string, any> } }).formContext?.formData ?? {}) as Record<string, any>;
  const count = uiSchema?.['ui:options']?.count ?? 3;
  const api = useApi(rocketDbaasApiRef);
  const query = {
    environment: form.environment,
    dbmsType: form.dbmsType,
    cpu: form.cpu,
    ramGb: form.ramGb,
    diskGb: form.diskGb,
    limit: 200,
  };
  const { value, loading, error } = useAsync(() => api.listPoolServers(query), [api, JSON.stringify(query)]);
  const selected = formData ?? [];

  useEffect(() => {
    if (value && selected.length === 0) onChange(choosePoolServers(value.items, count));
    // preselect once per result; the user's changes are kept
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  if (error) return <ResponseErrorPanel error={error} />;
  if (loading || !value) return <Progress />;

  const toggle = (hostname: string) =>
    onChange(selected.includes(hostname) ? selected.filter(h => h !== hostname) : [...selected, hostname]);

  return (
    <FormControl required={required} error={Boolean(rawErrors?.length)} fullWidth>
      <FormLabel>{schema.title ?? 'Pool servers'}</FormLabel>
      {value.items.length === 0 && <FormHelperText>No free pool server matches; change the environment or the size.</FormHelperText>}
      <List dense>
        {value.items.map(s => (
          <ListItem key={s.hostname} button disabled={!isEnrolled(s)} onClick={() => toggle(s.hostname)}>
            <ListItemIcon>
              <Checkbox edge="start" checked={selected.includes(s.hostname)} inputProps={{ 'aria-label': s.hostname }} />
            </ListItemIcon>
            <ListItemText
              primary={s.hostname}
              secondary={[`${s.datacenter} · ${s.address} · ${s.cpu} CPU, ${s.ramGb} GB RAM, ${s.diskGb} GB disk`, notEnrolledReason(s)]
                .filter(Boolean)
                .join(' · ')}
            />
          </ListItem>
        ))}
      </List>
      <FormHelperText>
        {schema.description ?? `Pick ${count}; Rocket proposes servers in two datacenters.`} {selected.length} selected.
      </FormHelperText>
    </FormControl>
  );
}
