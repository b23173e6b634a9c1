/**
 * Video jobs, one JSON file each under the data folder, written whole (a temporary file renamed
 * into place) on every change. Several engines may share the folder: a job another engine runs is
 * read from disk whenever it is asked for, until it ends. A job rendered here whose engine died is
 * reported as failed: at start for this machine's dead engines, after a long silence for other
 * machines'. A job an upstream runs (it has a ticket) outlives any engine and is polled on.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
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
  /** The engine process that runs the job, to tell a job in progress from one whose engine died. */
  owner?: JobOwner;
}

/** Queued or rendering inside an engine, which must be alive for it to end. */
const renderedHere = (job: VideoJob) => (job.state === 'queued' || job.state === 'running') && !job.ticket;

interface JobOwner {
  host: string;
  pid: number;
  /** When the process started (epoch ms): a reused pid, as in a restarted container, differs here. */
  started: number;
}

const SAFE_ID = /^[a-f0-9]{32}$/;
export const INTERRUPTED = 'The video job was interrupted by an engine restart; start it again.';
/** Far beyond any render, queue included: another machine's engine has surely died by then. */
export const ABANDONED_AFTER_MS = 30 * 60_000;

export interface JobStore {
  get(id: string): Promise<VideoJob | undefined>;
  put(job: VideoJob): Promise<void>;
  runningFor(clientId: string): VideoJob | undefined;
  /** Deletes jobs last written before the cutoff (epoch ms), whichever engine wrote them. */
  expire(cutoff: number): Promise<void>;
}

const self: JobOwner = { host: hostname(), pid: process.pid, started: Math.round(performance.timeOrigin) };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the job's engine ran on this machine and is gone. */
function diedHere(owner: JobOwner | undefined): boolean {
  if (!owner) return true;
  if (owner.host !== self.host) return false;
  return owner.pid === self.pid ? owner.started !== self.started : !isAlive(owner.pid);
}

export async function openJobStore(dataDir: string): Promise<JobStore> {
  const dir = path.join(dataDir, 'jobs');
  await mkdir(dir, { recursive: true });
  const jobs = new Map<string, VideoJob>();
  /** Jobs this engine runs: its memory is the truth for them. */
  const running = new Set<string>();
  const fileOf = (id: string) => path.join(dir, `${id}.json`);

  async function write(job: VideoJob): Promise<void> {
    const temporary = `${fileOf(job.id)}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, JSON.stringify(job));
    await rename(temporary, fileOf(job.id));
  }

  async function read(id: string): Promise<VideoJob | undefined> {
    try {
      return JSON.parse(await readFile(fileOf(id), 'utf8')) as VideoJob;
    } catch {
      // Missing, or written by an engine from before atomic writes and cut short by a crash.
      return undefined;
    }
  }

  async function put(job: VideoJob): Promise<void> {
    const owned: VideoJob = renderedHere(job) ? { ...job, owner: self } : job;
    jobs.set(job.id, owned);
    if (renderedHere(job)) running.add(job.id);
    else running.delete(job.id);
    await write(owned);
  }

  for (const name of await readdir(dir)) {
    const id = name.replace(/\.json$/, '');
    if (!SAFE_ID.test(id) || !name.endsWith('.json')) continue;
    const job = await read(id);
    if (job && renderedHere(job) && diedHere(job.owner)) await write({ ...job, state: 'failed', error: INTERRUPTED });
    else if (job) jobs.set(id, job);
  }

  async function get(id: string): Promise<VideoJob | undefined> {
    if (!SAFE_ID.test(id)) return undefined;
    const known = jobs.get(id);
    if (known && (running.has(id) || !renderedHere(known))) return known;
    const stored = await read(id);
    if (!stored) return known;
    // The poll count is this engine's own, for the hosted-service quirk that counts polls.
    const job = { ...stored, polls: known?.polls ?? stored.polls };
    jobs.set(id, job);
    const abandoned = renderedHere(job) && Date.now() - job.createdAt > ABANDONED_AFTER_MS;
    return abandoned ? { ...job, state: 'failed', error: INTERRUPTED } : job;
  }

  return {
    get,
    put,
    runningFor: (clientId) => [...jobs.values()].find((j) => j.clientId === clientId && (j.state === 'queued' || j.state === 'running')),
    async expire(cutoff) {
      for (const name of await readdir(dir)) {
        const id = name.slice(0, 32);
        if (running.has(id)) continue;
        const info = await stat(path.join(dir, name)).catch(() => undefined);
        if (!info || info.mtimeMs >= cutoff) continue;
        jobs.delete(id);
        await unlink(path.join(dir, name)).catch(() => undefined);
      }
      // Jobs another engine's sweep removed first.
      for (const job of jobs.values()) if (!running.has(job.id) && job.createdAt < cutoff) jobs.delete(job.id);
    },
  };
}
