/** Job state shared through one data folder: atomic files, reads on a miss, and dead engines' jobs. */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ABANDONED_AFTER_MS, INTERRUPTED, openJobStore, type VideoJob } from './job-store';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'aiart-jobs-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const running = (id: string, createdAt = Date.now()): VideoJob => ({
  id,
  clientId: 'c'.repeat(32),
  seed: 7,
  createdAt,
  readyAt: createdAt,
  polls: 0,
  state: 'running',
});

const idOf = (digit: string) => digit.repeat(32);

describe('one data folder, several engines', () => {
  it('lets a second store follow a job the first runs, from start to finish', async () => {
    const first = await openJobStore(dataDir);
    await first.put(running(idOf('a')));
    const second = await openJobStore(dataDir);
    expect(await second.get(idOf('a'))).toMatchObject({ state: 'running' });

    await first.put({ ...running(idOf('a')), state: 'complete', videoName: 'v.mp4', finishReason: 'SUCCESS' });
    expect(await second.get(idOf('a'))).toMatchObject({ state: 'complete', videoName: 'v.mp4' });
  });

  it('finds a job started after it opened, and says nothing of one that never was', async () => {
    const second = await openJobStore(dataDir);
    const first = await openJobStore(dataDir);
    await first.put(running(idOf('b')));
    expect(await second.get(idOf('b'))).toMatchObject({ id: idOf('b'), state: 'running' });
    expect(await second.get(idOf('c'))).toBeUndefined();
    expect(await second.get('../../etc/passwd')).toBeUndefined();
  });

  it('writes each state whole, leaving no temporary file behind', async () => {
    const store = await openJobStore(dataDir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.put({ ...running(idOf('d')), seed: i })));
    expect(await readdir(path.join(dataDir, 'jobs'))).toEqual([`${idOf('d')}.json`]);
    const stored = JSON.parse(await readFile(path.join(dataDir, 'jobs', `${idOf('d')}.json`), 'utf8')) as VideoJob;
    expect(stored).toMatchObject({ id: idOf('d'), state: 'running' });
    expect(Array.from({ length: 20 }, (_, i) => i)).toContain(stored.seed);
  });
});

describe('jobs whose engine is gone', () => {
  async function writeJob(job: VideoJob) {
    await openJobStore(dataDir);
    await writeFile(path.join(dataDir, 'jobs', `${job.id}.json`), JSON.stringify(job));
  }

  it('fails, at start, a running job of an earlier process that had the same pid (a restarted container)', async () => {
    await writeJob({ ...running(idOf('e')), owner: { host: hostname(), pid: process.pid, started: 1 } });
    const store = await openJobStore(dataDir);
    expect(await store.get(idOf('e'))).toMatchObject({ state: 'failed', error: INTERRUPTED });
  });

  it("leaves another machine's running job alone, until it has run far longer than any render", async () => {
    const owner = { host: 'another-machine', pid: 1, started: 1 };
    await writeJob({ ...running(idOf('f')), owner });
    await writeJob({ ...running(idOf('9'), Date.now() - ABANDONED_AFTER_MS - 1000), owner });
    const store = await openJobStore(dataDir);
    expect(await store.get(idOf('f'))).toMatchObject({ state: 'running' });
    expect(await store.get(idOf('9'))).toMatchObject({ state: 'failed', error: INTERRUPTED });
  });
});

describe('expiry', () => {
  it('deletes old job files whichever engine wrote them, but never a job this engine is running', async () => {
    const first = await openJobStore(dataDir);
    const second = await openJobStore(dataDir);
    await first.put(running(idOf('1')));
    await second.put({ ...running(idOf('2')), state: 'failed', error: 'x' });
    await first.expire(Date.now() + 1000);
    expect(await readdir(path.join(dataDir, 'jobs'))).toEqual([`${idOf('1')}.json`]);
    await second.expire(Date.now() + 1000);
    expect(await second.get(idOf('2'))).toBeUndefined();
    expect(await first.get(idOf('1'))).toMatchObject({ state: 'running' });
  });
});
