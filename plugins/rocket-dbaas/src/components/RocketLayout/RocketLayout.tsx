import { Content, Header, Page } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { FormControlLabel, Switch, Tab, Tabs } from '@material-ui/core';
import { PropsWithChildren, ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useRocketRefresh } from '../../hooks/useRocketRefresh';
import { rootRouteRef } from '../../routes';

/** The "Refreshing / No Worries" switch: pauses the background refresh. */
export function RefreshToggle() {
  const { paused, setPaused } = useRocketRefresh();
  return (
    <FormControlLabel
      control={<Switch checked={!paused} onChange={e => setPaused(!e.target.checked)} color="primary" inputProps={{ 'aria-label': 'Background refresh' }} />}
      label={paused ? 'No Worries' : 'Refreshing'}
    />
  );
}

const SECTIONS = [
  { path: '', label: 'Overview' },
  { path: '/pool', label: 'Pool servers' },
  { path: '/applications', label: 'Applications and contacts' },
  { path: '/intake', label: 'Intake' },
];

/** The frame of every Rocket page: header, section tabs and the refresh switch. */
export function RocketLayout({ title, subtitle, children }: PropsWithChildren<{ title: string; subtitle?: ReactNode }>) {
  const root = useRouteRef(rootRouteRef)();
  const { pathname } = useLocation();
  const rest = pathname.slice(root.length).replace(/\/$/, '');
  const current = SECTIONS.findIndex(s => s.path && rest.startsWith(s.path));
  return (
    <Page themeId="tool">
      <Header title={title} subtitle={subtitle ?? 'Database clusters, servers and the people who own them'} type="Rocket DBaaS">
        <RefreshToggle />
      </Header>
      <Content>
        <Tabs value={current === -1 ? 0 : current} indicatorColor="primary" aria-label="Rocket sections" style={{ marginBottom: 16 }}>
          {SECTIONS.map(s => (
            <Tab key={s.label} label={s.label} component={Link} to={`${root}${s.path}`} />
          ))}
        </Tabs>
        {children}
      </Content>
    </Page>
  );
}
