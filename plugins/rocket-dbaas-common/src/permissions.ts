import { createPermission } from '@backstage/plugin-permission-common';

/** Read Rocket's inventory: clusters, servers, pools, applications, activities. @public */
export const rocketInventoryReadPermission = createPermission({
  name: 'rocket-dbaas.inventory.read',
  attributes: { action: 'read' },
});

/** @public */
export const rocketClusterCreatePermission = createPermission({
  name: 'rocket-dbaas.cluster.create',
  attributes: { action: 'create' },
});

/** @public */
export const rocketClusterUpdatePermission = createPermission({
  name: 'rocket-dbaas.cluster.update',
  attributes: { action: 'update' },
});

/** @public */
export const rocketClusterDecommissionPermission = createPermission({
  name: 'rocket-dbaas.cluster.decommission',
  attributes: { action: 'delete' },
});

/** @public */
export const rocketServerUpdatePermission = createPermission({
  name: 'rocket-dbaas.server.update',
  attributes: { action: 'update' },
});

/** Trust a server's SSH host key (enrolment), or a new one after a change. @public */
export const rocketServerEnrolPermission = createPermission({
  name: 'rocket-dbaas.server.enrol',
  attributes: { action: 'update' },
});

/** Register pool servers and datacenters, release claimed servers. @public */
export const rocketPoolManagePermission = createPermission({
  name: 'rocket-dbaas.pool.manage',
  attributes: { action: 'update' },
});

/** Claim pool servers for a new cluster. @public */
export const rocketPoolClaimPermission = createPermission({
  name: 'rocket-dbaas.pool.claim',
  attributes: { action: 'update' },
});

/** Create and edit applications and link their contacts. @public */
export const rocketApplicationManagePermission = createPermission({
  name: 'rocket-dbaas.application.manage',
  attributes: { action: 'update' },
});

/** Create, edit and expire contacts. @public */
export const rocketContactManagePermission = createPermission({
  name: 'rocket-dbaas.contact.manage',
  attributes: { action: 'update' },
});

/** Add, edit and delete notes on clusters. @public */
export const rocketNoteManagePermission = createPermission({
  name: 'rocket-dbaas.note.manage',
  attributes: { action: 'update' },
});

/** Request a new database (the intake form). Every signed-in user may, by default. @public */
export const rocketIntakeSubmitPermission = createPermission({
  name: 'rocket-dbaas.intake.submit',
  attributes: { action: 'create' },
});

/** Approve or reject requests for new databases. @public */
export const rocketIntakeReviewPermission = createPermission({
  name: 'rocket-dbaas.intake.review',
  attributes: { action: 'update' },
});

/** Every permission of Rocket, for registration with the permissions registry. @public */
export const rocketDbaasPermissions = [
  rocketInventoryReadPermission,
  rocketClusterCreatePermission,
  rocketClusterUpdatePermission,
  rocketClusterDecommissionPermission,
  rocketServerUpdatePermission,
  rocketServerEnrolPermission,
  rocketPoolManagePermission,
  rocketPoolClaimPermission,
  rocketApplicationManagePermission,
  rocketContactManagePermission,
  rocketNoteManagePermission,
  rocketIntakeSubmitPermission,
  rocketIntakeReviewPermission,
];
