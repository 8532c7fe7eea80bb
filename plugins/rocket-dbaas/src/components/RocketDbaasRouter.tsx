import { Route, Routes } from 'react-router-dom';
import { RocketRefreshProvider } from '../hooks/useRocketRefresh';
import { ApplicationsPage } from './ApplicationsPage/ApplicationsPage';
import { ClusterPage } from './ClusterPage/ClusterPage';
import { IntakePage } from './IntakePage/IntakePage';
import { OverviewPage } from './OverviewPage/OverviewPage';
import { PoolServersPage } from './PoolServersPage/PoolServersPage';
import { ServerPage } from './ServerPage/ServerPage';

/** Rocket's pages under /rocket-dbaas. */
export function RocketDbaasRouter() {
  return (
    <RocketRefreshProvider>
      <Routes>
        <Route path="/" element={<OverviewPage />} />
        <Route path="/clusters/:name/*" element={<ClusterPage />} />
        <Route path="/servers/:hostname" element={<ServerPage />} />
        <Route path="/pool" element={<PoolServersPage />} />
        <Route path="/applications" element={<ApplicationsPage />} />
        <Route path="/intake" element={<IntakePage />} />
        <Route path="/intake/:id" element={<IntakePage />} />
      </Routes>
    </RocketRefreshProvider>
  );
}
