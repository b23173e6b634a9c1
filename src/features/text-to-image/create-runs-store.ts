/** The generations started on the Create page this session. */
import type { GenerateParams } from '../../api/generate-image';
import { createRunsStore, type Run } from '../../lib/runs-store';

export type GenerationRun = Run<GenerateParams>;

export const useCreateRuns = createRunsStore<GenerationRun>();
