import { EnvironmentName, IntakeRequest } from '@internal/plugin-rocket-dbaas-common';

/** The create-cluster template, as the scaffolder's route names it. */
export const CREATE_CLUSTER_TEMPLATE = { namespace: 'default', templateName: 'rocket-create-cluster' };
/** The intake template. */
export const INTAKE_TEMPLATE = { namespace: 'default', templateName: 'rocket-intake' };

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** A cluster name from the application and environment, kept to Rocket's rule (3-63 chars, a letter first). */
export function suggestedClusterName(application: string, environment: EnvironmentName): string {
  const base = slug(`${application}-${environment}`).replace(/^[^a-z]+/, '');
  return (base.length >= 3 ? base : `db-${base}`).slice(0, 63).replace(/-+$/, '');
}

/**
 * The create-cluster wizard's form for one environment of an approved request:
 * a disk for the size after a year of growth plus 30 % headroom, memory for an
 * eighth of the data, a CPU per 4 GB of memory.
 */
export function wizardFormData(request: IntakeRequest, environment: EnvironmentName, applicationKnown: boolean) {
  const diskGb = Math.max(10, Math.ceil((request.expectedSizeGb + 12 * request.growthGbPerMonth) * 1.3));
  const ramGb = Math.min(256, Math.max(1, Math.ceil(request.expectedSizeGb / 8)));
  return {
    application: request.application,
    newApplication: !applicationKnown,
    ...(applicationKnown ? {} : { applicationOwner: request.owner }),
    intakeRequestId: request.id,
    name: suggestedClusterName(request.application, environment),
    dbmsType: request.dbmsType,
    environment,
    backupRetentionDays: environment === 'Prod' ? 30 : 7,
    tls: true,
    maintenanceWeekday: request.maintenanceWindow.weekday,
    maintenanceStart: request.maintenanceWindow.start,
    cpu: Math.max(1, Math.ceil(ramGb / 4)),
    ramGb,
    diskGb,
  };
}

/** A template's path, prefilled through the formData query parameter the scaffolder reads. */
export function withFormData(templatePath: string, formData: object): string {
  return `${templatePath}?formData=${encodeURIComponent(JSON.stringify(formData))}`;
}
