import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult, BasicPermission } from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import { Request } from 'express';
import { Actor } from '../services/Actor';

function actorOf(credentials: BackstageCredentials): Actor {
  const p = credentials.principal as { type: string; userEntityRef?: string; subject?: string };
  return { ref: p.userEntityRef ?? p.subject ?? 'unknown' };
}

/**
 * The checks every route makes: who is calling (401), may they (403), and,
 * for mutations, an audit event with the outcome.
 */
export class RouteGuard {
  constructor(
    private readonly httpAuth: HttpAuthService,
    private readonly permissions: PermissionsService,
    private readonly auditor: AuditorService,
  ) {}

  private async authorize(req: Request, permission: BasicPermission): Promise<Actor> {
    const credentials = await this.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const [decision] = await this.permissions.authorize([{ permission }], { credentials });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
    return actorOf(credentials);
  }

  /** For reads: checks the caller and the permission. */
  async read(req: Request, permission: BasicPermission): Promise<Actor> {
    return this.authorize(req, permission);
  }

  /**
   * For mutations: checks the caller, records an audit event, checks the
   * permission, runs the change and records its outcome.
   */
  async mutate<T>(
    req: Request,
    permission: BasicPermission,
    eventId: string,
    meta: JsonObject,
    change: (actor: Actor) => Promise<T>,
  ): Promise<T> {
    await this.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const event = await this.auditor.createEvent({ eventId, severityLevel: 'medium', request: req, meta });
    try {
      const actor = await this.authorize(req, permission);
      const result = await change(actor);
      await event.success();
      return result;
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  }
}
