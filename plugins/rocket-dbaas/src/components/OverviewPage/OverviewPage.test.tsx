import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { fireEvent, screen, within } from '@testing-library/react';
import { rocketDbaasApiRef } from '../../api/RocketDbaasApi';
import { cluster, fakeRocketApi, server } from '../../__testUtils__/fakeRocketApi';
import { rootRouteRef } from '../../routes';
import { OverviewPage } from './OverviewPage';

const noSignals = { subscribe: () => ({ unsubscribe() {} }) };

describe('OverviewPage', () => {
  it('shows the counts, pages clusters on the server and expands a row to its servers', async () => {
    const api = fakeRocketApi({
      getOverview: async () => ({ clusters: 12, servers: 30, freePoolServers: 4, byHealth: { up: 12 }, byEnvironment: { Prod: 12 }, byDbmsType: { postgresql: 12 } }),
      listClusters: async () => ({
        items: [cluster('shop-db', [server('db1.dc1.test'), server('db2.dc2.test', { role: 'async-replica', datacenter: 'dc2' })])],
        totalCount: 12,
      }),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[rocketDbaasApiRef, api], [signalApiRef, noSignals]]}>
        <OverviewPage />
      </TestApiProvider>,
      { mountedRoutes: { '/rocket-dbaas': rootRouteRef } },
    );
    expect(await screen.findByLabelText('Clusters total')).toHaveTextContent('12');
    const link = await screen.findByRole('link', { name: 'shop-db' });
    expect(link).toHaveAttribute('href', '/rocket-dbaas/clusters/shop-db');
    expect(api.listClusters).toHaveBeenCalledWith(expect.objectContaining({ limit: 20, offset: 0, sort: 'name', order: 'asc' }));

    const row = link.closest('tr')!;
    fireEvent.click(within(row).getAllByRole('button')[0]);
    expect(await screen.findByText('db2.dc2.test')).toBeInTheDocument();
    expect(screen.getByText('async-replica')).toBeInTheDocument();
  });
});
