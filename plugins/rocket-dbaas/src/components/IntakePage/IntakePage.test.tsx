import { renderInTestApp, TestApiProvider, mockApis } from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { SWRConfig } from 'swr';
import { rocketDbaasApiRef } from '../../api/RocketDbaasApi';
import { fakeRocketApi, intakeRequest } from '../../__testUtils__/fakeRocketApi';
import { createFromTemplateRouteRef, rootRouteRef } from '../../routes';
import { IntakePage } from './IntakePage';

const noSignals = { subscribe: () => ({ unsubscribe() {} }) };
const mountedRoutes = {
  mountedRoutes: {
    '/rocket-dbaas': rootRouteRef,
    '/create/templates/:namespace/:templateName': createFromTemplateRouteRef,
  },
};

function renderPage(api: ReturnType<typeof fakeRocketApi>, permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY, path: string) {
  // a cache of its own per test: usePermission keeps answers in SWR's cache, which would carry "allowed" over
  return renderInTestApp(
    <SWRConfig value={{ provider: () => new Map() }}>
      <TestApiProvider
        apis={[
          [rocketDbaasApiRef, api],
          [signalApiRef, noSignals],
          [permissionApiRef, mockApis.permission({ authorize: permission })],
        ]}
      >
        <Routes>
          <Route path="/rocket-dbaas/intake/:id" element={<IntakePage />} />
          <Route path="/rocket-dbaas/intake" element={<IntakePage />} />
        </Routes>
      </TestApiProvider>
    </SWRConfig>,
    { ...mountedRoutes, routeEntries: [path] },
  );
}

describe('IntakePage', () => {
  it('lets a DBA approve a request at the version shown, then offers the wizard prefilled per environment', async () => {
    let current = intakeRequest(7);
    const api = fakeRocketApi({
      listIntakeRequests: async () => ({ items: [current], totalCount: 1 }),
      getIntakeRequest: async () => current,
      listApplications: async () => ({ items: [], totalCount: 0 }),
      decideIntakeRequest: async (_id, decision) => {
        current = { ...current, status: decision === 'approve' ? 'approved' : 'rejected', version: 2, decidedBy: 'user:default/dana' };
        return current;
      },
    });
    await renderPage(api, AuthorizeResult.ALLOW, '/rocket-dbaas/intake/7');
    expect(await screen.findByText('Request 7: billing')).toBeInTheDocument();
    expect(screen.getByText(/40 GB at go-live, growing 5 GB a month/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(api.decideIntakeRequest).toHaveBeenCalledWith(7, 'approve', { version: 1 }));
    // a link styled as a button
    const prod = await screen.findByRole('button', { name: 'Create the Prod cluster' });
    const url = new URL(prod.getAttribute('href')!, 'http://portal.test');
    expect(url.pathname).toBe('/create/templates/default/rocket-create-cluster');
    expect(JSON.parse(url.searchParams.get('formData')!)).toMatchObject({
      application: 'billing',
      newApplication: true,
      applicationOwner: 'group:default/billing-team',
      intakeRequestId: 7,
      environment: 'Prod',
      name: 'billing-prod',
    });
    expect(screen.getByRole('button', { name: 'Create the Dev cluster' })).toHaveAttribute('href');
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
  });

  it('asks why before it rejects', async () => {
    const api = fakeRocketApi({
      listIntakeRequests: async () => ({ items: [intakeRequest(8)], totalCount: 1 }),
      getIntakeRequest: async () => intakeRequest(8),
      listApplications: async () => ({ items: [], totalCount: 0 }),
      decideIntakeRequest: async () => intakeRequest(8, { status: 'rejected' }),
    });
    await renderPage(api, AuthorizeResult.ALLOW, '/rocket-dbaas/intake/8');
    fireEvent.click(await screen.findByRole('button', { name: 'Reject' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('button', { name: 'Reject' })).toBeDisabled();
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'Use the shared reporting cluster' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reject' }));
    await waitFor(() =>
      expect(api.decideIntakeRequest).toHaveBeenCalledWith(8, 'reject', { version: 1, reason: 'Use the shared reporting cluster' }),
    );
  });

  it('shows no decision buttons to someone who may not review', async () => {
    const api = fakeRocketApi({
      listIntakeRequests: async () => ({ items: [intakeRequest(9)], totalCount: 1 }),
      getIntakeRequest: async () => intakeRequest(9),
      listApplications: async () => ({ items: [], totalCount: 0 }),
    });
    await renderPage(api, AuthorizeResult.DENY, '/rocket-dbaas/intake/9');
    expect(await screen.findByText('Request 9: billing')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reject' })).not.toBeInTheDocument();
  });
});
