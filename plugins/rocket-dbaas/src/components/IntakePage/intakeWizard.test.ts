import { intakeRequest } from '../../__testUtils__/fakeRocketApi';
import { suggestedClusterName, withFormData, wizardFormData } from './intakeWizard';

describe('the create-cluster wizard prefilled from an intake request', () => {
  it('sizes the cluster for a year of growth and carries the request', () => {
    const form = wizardFormData(intakeRequest(7), 'Prod', true);
    expect(form).toEqual({
      application: 'billing',
      newApplication: false,
      intakeRequestId: 7,
      name: 'billing-prod',
      dbmsType: 'postgresql',
      environment: 'Prod',
      backupRetentionDays: 30,
      tls: true,
      maintenanceWeekday: 'sat',
      maintenanceStart: '03:30',
      cpu: 2,
      ramGb: 5,
      diskGb: 130,
    });
  });

  it('registers an application Rocket does not know, with the requested owner', () => {
    const form = wizardFormData(intakeRequest(7, { application: 'New Shop' }), 'Dev', false);
    expect(form).toMatchObject({ newApplication: true, applicationOwner: 'group:default/billing-team', name: 'new-shop-dev', backupRetentionDays: 7 });
  });

  it("keeps suggested names to Rocket's rule", () => {
    expect(suggestedClusterName('42', 'QA')).toBe('db-qa');
    expect(suggestedClusterName('9', 'QA')).toMatch(/^[a-z][a-z0-9-]{1,61}[a-z0-9]$/);
    expect(suggestedClusterName('x'.repeat(80), 'Prod')).toHaveLength(63);
    expect(suggestedClusterName(`${'a'.repeat(61)} b`, 'Prod')).toMatch(/^[a-z][a-z0-9-]{1,61}[a-z0-9]$/);
  });

  it('puts the form into the formData query parameter the scaffolder reads', () => {
    const path = withFormData('/create/templates/default/rocket-create-cluster', { name: 'a b' });
    expect(path).toBe('/create/templates/default/rocket-create-cluster?formData=%7B%22name%22%3A%22a%20b%22%7D');
    expect(JSON.parse(new URL(path, 'http://x').searchParams.get('formData')!)).toEqual({ name: 'a b' });
  });
});
