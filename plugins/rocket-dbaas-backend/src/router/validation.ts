import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** Parses one part of a request; a failure is a 400 that names every bad field. */
export function parse<S extends z.ZodTypeAny>(
  schema: S,
  value: unknown,
  where: 'body' | 'query' | 'path' | 'header',
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.flatMap(issue => {
    const prefix = issue.path.length ? `${issue.path.join('.')}.` : '';
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map(key => `${prefix}${key}: is not a known field`);
    }
    return [`${issue.path.length ? issue.path.join('.') : where}: ${issue.message}`];
  });
  throw new InputError(`Invalid request ${where}: ${problems.join('; ')}`);
}
