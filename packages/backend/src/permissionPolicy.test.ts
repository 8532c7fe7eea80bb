import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult, createPermission } from '@backstage/plugin-permission-common';
import {
  rocketClusterCreatePermission,
  rocketIntakeReviewPermission,
  rocketIntakeSubmitPermission,
  rocketInventoryReadPermission,
  rocketNoteManagePermission,
} from '@internal/plugin-rocket-dbaas-common';
import { RocketPermissionPolicy } from './permissionPolicy';

const userInfo = mockServices.userInfo.mock({
  getUserInfo: async credentials => {
    const ref = (credentials.principal as { userEntityRef: string }).userEntityRef;
    return {
      userEntityRef: ref,
      ownershipEntityRefs: ref === 'user:default/dana' ? [ref, 'group:default/dba'] : [ref, 'group:default/payments-team'],
    };
  },
});
const catalogEntityDeletePermission = createPermission({ name: 'catalog.entity.delete', attributes: { action: 'delete' } });
const policy = new RocketPermissionPolicy(mockServices.auth(), userInfo);

const decide = async (permission: any, user: string | 'service') => {
  const credentials = user === 'service' ? mockCredentials.service('plugin:catalog') : mockCredentials.user(user);
  return (await policy.handle({ permission }, { credentials, info: undefined as any })).result;
};

describe('RocketPermissionPolicy', () => {
  it('lets the dba group do everything in Rocket', async () => {
    for (const permission of [rocketInventoryReadPermission, rocketClusterCreatePermission, rocketNoteManagePermission]) {
      expect(await decide(permission, 'user:default/dana')).toBe(AuthorizeResult.ALLOW);
    }
  });

  it('lets other signed-in users read and request a database, and nothing more', async () => {
    expect(await decide(rocketInventoryReadPermission, 'user:default/dev')).toBe(AuthorizeResult.ALLOW);
    expect(await decide(rocketIntakeSubmitPermission, 'user:default/dev')).toBe(AuthorizeResult.ALLOW);
    expect(await decide(rocketIntakeReviewPermission, 'user:default/dev')).toBe(AuthorizeResult.DENY);
    expect(await decide(rocketIntakeSubmitPermission, 'service')).toBe(AuthorizeResult.DENY);
    expect(await decide(rocketClusterCreatePermission, 'user:default/dev')).toBe(AuthorizeResult.DENY);
    expect(await decide(rocketNoteManagePermission, 'user:default/dev')).toBe(AuthorizeResult.DENY);
  });

  it('lets services read Rocket but not change it', async () => {
    expect(await decide(rocketInventoryReadPermission, 'service')).toBe(AuthorizeResult.ALLOW);
    expect(await decide(rocketClusterCreatePermission, 'service')).toBe(AuthorizeResult.DENY);
  });

  it("leaves Backstage's own permissions open", async () => {
    expect(await decide(catalogEntityDeletePermission, 'user:default/dev')).toBe(AuthorizeResult.ALLOW);
  });
});
