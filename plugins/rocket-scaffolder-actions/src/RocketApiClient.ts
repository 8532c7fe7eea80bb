import { AuthService, BackstageCredentials, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { ROCKET_PLUGIN_ID } from '@internal/plugin-rocket-dbaas-common';

/** Rocket answered with an error status; the message says what Rocket said. */
export class RocketApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(`Rocket DBaaS answered ${status}: ${message}`);
  }
}

/** Calls Rocket's REST API on behalf of a user, with a token Backstage issues for that. */
export class RocketApiClient {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
  ) {}

  async request<T>(
    onBehalfOf: BackstageCredentials,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const { token } = await this.auth.getPluginRequestToken({ onBehalfOf, targetPluginId: ROCKET_PLUGIN_ID });
    const base = await this.discovery.getBaseUrl(ROCKET_PLUGIN_ID);
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...headers,
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) {
      // the task log should say what Rocket said, e.g. which field was wrong
      const error = await ResponseError.fromResponse(res);
      throw new RocketApiError(res.status, error.body?.error?.message ?? error.message);
    }
    return (res.status === 204 ? undefined : await res.json()) as T;
  }
}
