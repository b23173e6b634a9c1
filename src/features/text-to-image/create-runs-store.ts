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
  start(baseUrl: string, batch: GenerateParams[]): void;
  dismiss(id: string): void;
}

export const useCreateRuns = create<RunsState>()((set) => ({
  runs: [],
  start: (baseUrl, batch) =>
    set((state) => ({
      runs: [
        ...batch.map((params) => ({ id: crypto.randomUUID(), baseUrl, params, startedAt: Date.now() })),
        ...state.runs,
      ],
    })),
  dismiss: (id) => set((state) => ({ runs: state.runs.filter((run) => run.id !== id) })),
}));
