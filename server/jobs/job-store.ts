/**
 * Video jobs, kept in memory and written to disk on every change, so a finished job outlives a
 * restart; a job queued or rendering here when the engine stopped is loaded back as failed,
 * while one an upstream runs is polled on as before.
 */
import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type VideoJob =
  | JobBase & { state: 'queued' }
  | JobBase & { state: 'running' }
  | JobBase & { state: 'complete'; videoName: string; finishReason: string }
  | JobBase & { state: 'failed'; error: string };

interface JobBase {
  id: string;
  clientId: string;
  seed: number;
  createdAt: number;
  /** Not reported complete before this time, so jobs take a realistic while. */
  readyAt: number;
  polls: number;
  /** The model id that makes it, and the backend's own handle on a job its upstream runs. */
  model?: string;
  backend?: string;
  ticket?: string;
}

const SAFE_ID = /^[a-f0-9]{32}$/;
export const INTERRUPTED = 'The video job was interrupted by an engine restart; start it again.';

export interface JobStore {
  get(id: string): VideoJob | undefined;
  put(job: VideoJob): Promise<void>;
  runningFor(clientId: string): VideoJob | undefined;
  /** Deletes jobs older than the cutoff (epoch ms). */
  expire(cutoff: number): Promise<void>;
}

export async function openJobStore(dataDir: string): Promise<JobStore> {
  const dir = path.join(dataDir, 'jobs');
  await mkdir(dir, { recursive: true });
  const jobs = new Map<string, VideoJob>();
  const fileOf = (id: string) => path.join(dir, `${id}.json`);

  async function put(job: VideoJob): Promise<void> {
    jobs.set(job.id, job);
    const temporary = `${fileOf(job.id)}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(job));
    await rename(temporary, fileOf(job.id));
  }

  for (const name of await readdir(dir)) {
    const id = name.replace(/\.json$/, '');
    if (!SAFE_ID.test(id) || !name.endsWith('.json')) continue;
    try {
      const job = JSON.parse(await readFile(fileOf(id), 'utf8')) as VideoJob;
      if ((job.state === 'queued' || job.state === 'running') && !job.ticket) await put({ ...job, state: 'failed', error: INTERRUPTED });
      else jobs.set(id, job);
    } catch {
      // A file cut short by a crash mid-write holds no job worth keeping.
    }
  }

  return {
    get: (id) => (SAFE_ID.test(id) ? jobs.get(id) : undefined),
    put,
    runningFor: (clientId) =>
      [...jobs.values()].find((j) => j.clientId === clientId && (j.state === 'queued' || j.state === 'running')),
    async expire(cutoff) {
      for (const job of [...jobs.values()]) {
        if (job.createdAt >= cutoff || job.state === 'queued' || job.state === 'running') continue;
        jobs.delete(job.id);
        await unlink(fileOf(job.id)).catch(() => undefined);
      }
    },
  };
}
