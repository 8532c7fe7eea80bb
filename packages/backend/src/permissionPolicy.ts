import { AuthService, coreServices, createBackendModule, UserInfoService } from '@backstage/backend-plugin-api';
import { AuthorizeResult, PolicyDecision } from '@backstage/plugin-permission-common';
import { PermissionPolicy, PolicyQuery, PolicyQueryUser } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { rocketIntakeSubmitPermission } from '@internal/plugin-rocket-dbaas-common';

/** The group whose members may do everything in Rocket. */
export const DBA_GROUP = 'group:default/dba';

/**
 * Rocket's default policy: the dba group may do everything; every other
 * signed-in user may read Rocket and request a new database. Backstage's own
 * permissions stay open.
 */
export class RocketPermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly auth: AuthService,
    private readonly userInfo: UserInfoService,
  ) {}

  async handle(request: PolicyQuery, user?: PolicyQueryUser): Promise<PolicyDecision> {
    if (!request.permission.name.startsWith('rocket-dbaas.')) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (user && this.auth.isPrincipal(user.credentials, 'user')) {
      const { ownershipEntityRefs } = await this.userInfo.getUserInfo(user.credentials);
      if (ownershipEntityRefs.includes(DBA_GROUP)) return { result: AuthorizeResult.ALLOW };
      if (request.permission.name === rocketIntakeSubmitPermission.name) return { result: AuthorizeResult.ALLOW };
    }
    return {
      result: request.permission.attributes.action === 'read' ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
    };
  }
}

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'rocket-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, auth: coreServices.auth, userInfo: coreServices.userInfo },
      async init({ policy, auth, userInfo }) {
        policy.setPolicy(new RocketPermissionPolicy(auth, userInfo));
      },
    });
  },
});
