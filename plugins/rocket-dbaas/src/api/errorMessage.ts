import { ResponseError } from '@backstage/errors';

/** What went wrong, in the backend's own words (a 400 names the bad fields). */
export function errorMessage(error: unknown): string {
  if (error instanceof ResponseError) return error.body?.error?.message ?? error.message;
  return (error as Error)?.message ?? String(error);
}
