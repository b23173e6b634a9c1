/** The transforms started on the Transform page this session, each with the source it was sent. */
import type { TransformParams } from '../../api/transform-image';
import { createRunsStore, type Run } from '../../lib/runs-store';

export interface TransformRun extends Run<TransformParams> {
  image: File;
  /** An object URL of the source, for the before/after comparison. */
  sourceUrl: string;
  parentId?: string;
}

export const useTransformRuns = createRunsStore<TransformRun>();
