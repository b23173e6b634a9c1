/** Validates a request against a contract schema; a failure is one 400 naming every bad field. */
import type * as z from 'zod/mini';
import { ApiError } from './api-error';

export function parseFields<S extends z.ZodMiniType>(schema: S, input: unknown): z.infer<S> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ApiError(400, 'The request body must be a JSON object');
  }
  const result = schema.safeParse(input);
  if (!result.success) throw new ApiError(400, result.error.issues.map((issue) => issue.message).join('; '));
  return result.data as z.infer<S>;
}
