import { StatusAborted, StatusError, StatusOK, StatusPending, StatusWarning } from '@backstage/core-components';
import { Health } from '@internal/plugin-rocket-dbaas-common';

const STATUS: Record<Health, typeof StatusOK> = {
  up: StatusOK,
  'up-with-issues': StatusWarning,
  maintenance: StatusAborted,
  configuring: StatusPending,
  down: StatusError,
};

/** A cluster's or server's health as a coloured status with its name. */
export function HealthStatus({ health }: { health: Health }) {
  const Status = STATUS[health] ?? StatusWarning;
  return <Status>{health}</Status>;
}
