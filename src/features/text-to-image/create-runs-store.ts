/**
 * The generations started on the Create page this session, newest first. Each run owns the exact
 * request it sent; its progress and result live in the API layer's query for that run.
 */
import { create } from 'zustand';
import type { GenerateParams } from '../../api/generate-image';

export interface GenerationRun {
  id: string;
  /** The backend the run was sent to, fixed at start. */
  baseUrl: string;
  params: GenerateParams;
  startedAt: number;
}

interface RunsState {
  runs: GenerationRun[];
  /** Starts one run per request and returns them. */
  start(baseUrl: string, batch: GenerateParams[]): GenerationRun[];
  dismiss(id: string): void;
}

export const useCreateRuns = create<RunsState>()((set) => ({
  runs: [],
  start: (baseUrl, batch) => {
    const startedAt = Date.now();
    // Later images of a batch sort just after the first, so the gallery keeps their order.
    const runs = batch.map((params, i) => ({ id: crypto.randomUUID(), baseUrl, params, startedAt: startedAt - i }));
    set((state) => ({ runs: [...runs, ...state.runs] }));
    return runs;
  },
  dismiss: (id) => set((state) => ({ runs: state.runs.filter((run) => run.id !== id) })),
}));
