/**
 * Fuzz suite: thousands of generated malformed requests, sent over raw sockets to a real engine
 * in its own process. Whatever arrives, the engine answers 4xx JSON (or closes a stalled request
 * after its timeout), never exits, leaves no file behind and stays in bounded memory.
 * FUZZ_SEED=<number> replays or varies the generated requests; a failure prints its seed and path.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testPicture } from './testing/fixtures';
import { completeRequests, type FuzzFixtures, type FuzzRequest, stalledRequests } from './testing/fuzz-requests';
import { type RawAnswer, sendRaw } from './testing/raw-http';
import { type SpawnedEngine, spawnEngine } from './testing/spawn-engine';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_111);
/** Requests sent at once in each property run. */
const BATCH = 8;
const REQUEST_TIMEOUT_SECONDS = 1;

let engine: SpawnedEngine;
let dataDir: string;
let fixtures: FuzzFixtures;
let exitCode: number | null | undefined;
let baselineRssMb: number;

async function memoryMb(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const read = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+) kB`))![1]) / 1024;
  return { rss: read('VmRSS'), peak: read('VmHWM') };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => !entry.isDirectory()).map((entry) => path.join(entry.parentPath, entry.name));
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'aiart-fuzz-'));
  engine = await spawnEngine({
    AIART_DATA_DIR: dataDir,
    AIART_VIDEO_SECONDS: '0',
    AIART_REQUEST_TIMEOUT_SECONDS: String(REQUEST_TIMEOUT_SECONDS),
  });
  void engine.exited.then((code) => (exitCode = code));
  fixtures = {
    host: new URL(engine.url).host,
    png: await testPicture(64, 48, 'png'),
    webp: await testPicture(64, 48, 'webp'),
    truncatedPng: (await testPicture(200, 200, 'png')).subarray(0, 300),
  };
  // Warm up every route once, so the baseline includes what the engine loads on first use.
  for (const request of fc.sample(completeRequests(fixtures), { numRuns: 40, seed: SEED })) await sendRaw(engine.url, [request.bytes]);
  baselineRssMb = (await memoryMb(engine.process.pid!)).rss;
});

afterAll(async () => {
  engine.process.kill('SIGTERM');
  await engine.exited;
  await rm(dataDir, { recursive: true, force: true });
});

/** Throws, naming the request, unless the answer is a 4xx with a JSON `error`. */
function checkRefusal(request: FuzzRequest, answer: RawAnswer): void {
  const fail = (why: string) => {
    throw new Error(`${request.label}: ${why}; got ${answer.status ?? 'no answer'} ${JSON.stringify(answer.body.slice(0, 200))}`);
  };
  if (answer.status === undefined || answer.status < 400 || answer.status > 499) fail('expected a 4xx answer');
  if (!answer.headers['content-type']?.startsWith('application/json')) fail('expected a JSON answer');
  if (request.head) return;
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    fail('the body is not JSON');
  }
  if (typeof (body as { error?: unknown }).error !== 'string') fail('the body has no error message');
}

it('answers 4xx JSON to 4,000 malformed requests, and keeps running', { timeout: 120_000 }, async () => {
  let sent = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(completeRequests(fixtures), { minLength: BATCH, maxLength: BATCH }), async (batch) => {
      const answers = await Promise.all(batch.map((request) => sendRaw(engine.url, [request.bytes], { head: request.head, timeoutMs: 15_000 })));
      batch.forEach((request, i) => checkRefusal(request, answers[i]));
      sent += batch.length;
    }),
    { numRuns: 4000 / BATCH, seed: SEED },
  );
  expect(sent).toBeGreaterThanOrEqual(4000);
  expect(exitCode).toBeUndefined();
});

it('closes requests that stall after the request timeout, answering 408 JSON', { timeout: 60_000 }, async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(stalledRequests(fixtures), { minLength: BATCH, maxLength: BATCH }), async (batch) => {
      const started = performance.now();
      const answers = await Promise.all(batch.map((request) => sendRaw(engine.url, [request.bytes], { untilClosed: true, timeoutMs: 15_000 })));
      batch.forEach((request, i) => {
        if (!answers[i].closedByServer) throw new Error(`${request.label}: the engine did not close the connection`);
        checkRefusal(request, answers[i]);
      });
      // Closed by the engine's timeout (1 s, checked every 250 ms), well before this client's own.
      expect(performance.now() - started).toBeLessThan(10_000);
    }),
    { numRuns: 5, seed: SEED },
  );
  expect(exitCode).toBeUndefined();
});

it('still serves, left no file behind and stayed in bounded memory', async () => {
  expect((await fetch(`${engine.url}/engine.json`)).status).toBe(200);
  expect(exitCode).toBeUndefined();
  expect(await filesUnder(dataDir)).toEqual([]);
  const memory = await memoryMb(engine.process.pid!);
  expect(memory.peak).toBeLessThan(600);
  expect(memory.rss - baselineRssMb).toBeLessThan(150);
});
