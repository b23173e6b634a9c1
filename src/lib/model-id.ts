/** Model ids (`backend:model`) read back from untrusted places: stored forms, gallery items, links and archives. */
import { MAX_MODEL_ID_LENGTH, MODEL_ID_PATTERN } from '../api/contract';

/** `value` when it is a model id in the contract's shape (short, no control characters), else undefined. */
export function readModelId(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_MODEL_ID_LENGTH) return undefined;
  return MODEL_ID_PATTERN.test(value) && !/\p{Cc}/u.test(value) ? value : undefined;
}
