import { InfoCard, Link, LinkButton, StructuredMetadataTable } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { IntakeRequest, rocketIntakeReviewPermission } from '@internal/plugin-rocket-dbaas-common';
import { Box, Button, Chip } from '@material-ui/core';
import { createFromTemplateRouteRef, rootRouteRef } from '../../routes';
import { CREATE_CLUSTER_TEMPLATE, withFormData, wizardFormData } from './intakeWizard';

type Props = {
  request: IntakeRequest;
  /** Whether Rocket already knows the request's application. */
  applicationKnown: boolean;
  onApprove(): void;
  onReject(): void;
};

const minutes = (m: number) => (m >= 60 ? `${Math.round((m / 60) * 10) / 10} h` : `${m} min`);

/** One intake request in full, with the DBA's buttons. */
export function IntakeDetails({ request, applicationKnown, onApprove, onReject }: Props) {
  const root = useRouteRef(rootRouteRef)();
  const templateRoute = useRouteRef(createFromTemplateRouteRef);
  const { allowed: canReview } = usePermission({ permission: rocketIntakeReviewPermission });
  const wizardPath = templateRoute?.(CREATE_CLUSTER_TEMPLATE);
  const buildable = request.status === 'approved' || request.status === 'fulfilled';

  return (
    <InfoCard title={`Request ${request.id}: ${request.application}`} subheader={<Chip size="small" label={request.status} />}>
      <StructuredMetadataTable
        metadata={{
          Owner: request.owner,
          Contacts: request.contacts.map(c => `${c.name} <${c.email}> (${c.role})`).join(', '),
          Environments: request.environments.join(', '),
          DBMS: request.dbmsType,
          Size: `${request.expectedSizeGb} GB at go-live, growing ${request.growthGbPerMonth} GB a month`,
          Workload: request.workload,
          Availability: request.availability === 'best-effort' ? 'best effort' : `${request.availability} %`,
          Recovery: `RPO ${minutes(request.rpoMinutes)}, RTO ${minutes(request.rtoMinutes)}`,
          'Data sensitivity': request.dataSensitivity,
          'Maintenance window': `${request.maintenanceWindow.weekday} ${request.maintenanceWindow.start} UTC`,
          'Cost centre': request.costCentre,
          'Go-live': request.goLiveDate,
          Notes: request.notes ?? '—',
          'Requested by': `${request.requestedBy} on ${new Date(request.createdAt).toLocaleDateString()}`,
          ...(request.decidedBy
            ? { Decision: `${request.status === 'rejected' ? 'Rejected' : 'Approved'} by ${request.decidedBy}${request.decisionReason ? `: ${request.decisionReason}` : ''}` }
            : {}),
          ...(request.cluster ? { Cluster: <Link to={`${root}/clusters/${request.cluster}`}>{request.cluster}</Link> } : {}),
        }}
      />
      <Box display="flex" mt={2} style={{ gap: 8 }} flexWrap="wrap">
        {request.status === 'submitted' && canReview && (
          <>
            <Button variant="contained" color="primary" onClick={onApprove}>
              Approve
            </Button>
            <Button variant="outlined" onClick={onReject}>
              Reject
            </Button>
          </>
        )}
        {buildable &&
          wizardPath &&
          request.environments.map(environment => (
            <LinkButton
              key={environment}
              variant={request.status === 'approved' ? 'contained' : 'outlined'}
              color="primary"
              to={withFormData(wizardPath, wizardFormData(request, environment, applicationKnown))}
            >
              Create the {environment} cluster
            </LinkButton>
          ))}
      </Box>
    </InfoCard>
  );
}
