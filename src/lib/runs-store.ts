/**
 * The runs a page started this session, newest first. Each run owns the exact request it sent;
 * its progress and result live in the API layer's query for that run.
 */
import { create } from 'zustand';

export interface Run<P> {
  /** Also the id of the run's gallery item. */
  id: string;
  /** The backend the run was sent to, fixed at start. */
  baseUrl: string;
  params: P;
  startedAt: number;
}

interface RunsState<R> {
  runs: R[];
  /** Starts one run per request and returns them. */
  start(baseUrl: string, batch: Array<Omit<R, 'id' | 'baseUrl' | 'startedAt'>>): R[];
}

export function createRunsStore<R extends Run<unknown>>() {
  return create<RunsState<R>>()((set) => ({
    runs: [],
    start: (baseUrl, batch) => {
      const startedAt = Date.now();
      // Later runs of a batch sort just after the first, so the gallery keeps their order.
      const runs = batch.map((run, i) => ({ ...run, id: crypto.randomUUID(), baseUrl, startedAt: startedAt - i }) as R);
      set((state) => ({ runs: [...runs, ...state.runs] }));
      return runs;
    },
  }));
}
