/**
 * Graceful shutdown: a stop signal lets in-flight requests finish within the grace time, cuts what
 * is still stalled when it ends, and a second signal exits at once.
 */
import { EventEmitter, once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { type ClientRequest, type IncomingMessage, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type SpawnedEngine, spawnEngine } from './testing/spawn-engine';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'aiart-stop-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

/** Starts an engine; `nextEvent` resolves with the next `{"event": …}` line of that name it prints. */
async function engineWithEvents(env: Record<string, string>) {
  const events = new EventEmitter();
  const engine = await spawnEngine({ AIART_DATA_DIR: dataDir, ...env }, (line) => {
    if (!line.startsWith('{"event":')) return;
    const parsed = JSON.parse(line) as { event: string };
    events.emit(parsed.event, parsed);
  });
  const nextEvent = async (event: string) => ((await once(events, event)) as [Record<string, unknown>])[0];
  return { ...engine, nextEvent };
}

/** Starts a JSON upload and resolves once the engine has taken it ("100 Continue"), with the body still unsent. */
async function takenUpload(engine: SpawnedEngine): Promise<ClientRequest> {
  const upload = request(`${engine.url}/api/generate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Content-Length': 1000, Expect: '100-continue' },
  });
  upload.on('error', () => undefined);
  upload.flushHeaders();
  await once(upload, 'continue');
  return upload;
}

it('finishes a request in flight when it receives SIGTERM, then exits 0', async () => {
  const engine = await spawnEngine({ AIART_DATA_DIR: dataDir });
  const body = JSON.stringify({ video_description: 'last light', output_format: 'jpg' });
  const req = request(`${engine.url}/api/generate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Expect: '100-continue' },
  });
  const answered = once(req, 'response') as Promise<[IncomingMessage]>;
  req.flushHeaders();
  await once(req, 'continue');
  engine.process.kill('SIGTERM');
  req.end(body);
  const [res] = await answered;
  let text = '';
  for await (const chunk of res) text += chunk;
  expect(res.statusCode).toBe(200);
  expect(res.headers.connection).toBe('close');
  expect(JSON.parse(text)).toMatchObject({ success: true });
  expect(await engine.exited).toBe(0);
});

it('cuts a stalled upload when the grace time ends, and exits 0 within it', async () => {
  const engine = await engineWithEvents({ AIART_SHUTDOWN_GRACE_SECONDS: '1' });
  const upload = await takenUpload(engine);
  upload.write('{"video_description":');
  const cut = new Promise((resolve) => upload.on('close', resolve));
  const stopped = engine.nextEvent('stopped');
  const started = performance.now();
  engine.process.kill('SIGTERM');
  expect(await engine.exited).toBe(0);
  // The grace (1 s) ends it, not the request timeout (120 s); the rest is process start-up slack.
  expect(performance.now() - started).toBeLessThan(8_000);
  expect(await stopped).toMatchObject({ graceful: false });
  await cut;
});

it('exits at once on a second signal, without waiting for the grace', async () => {
  const engine = await engineWithEvents({ AIART_SHUTDOWN_GRACE_SECONDS: '600' });
  const upload = await takenUpload(engine);
  const stopping = engine.nextEvent('stopping');
  engine.process.kill('SIGTERM');
  expect(await stopping).toMatchObject({ signal: 'SIGTERM', graceSeconds: 600 });
  engine.process.kill('SIGINT');
  expect(await engine.exited).toBe(130);
  upload.destroy();
});

it('closes idle keep-alive connections at once instead of waiting for their timeout', async () => {
  const engine = await engineWithEvents({ AIART_SHUTDOWN_GRACE_SECONDS: '600' });
  const { port } = new URL(engine.url);
  const socket = connect(Number(port), '127.0.0.1');
  socket.write(`GET /engine.json HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
  await once(socket, 'data');
  const closed = once(socket, 'close');
  const stopped = engine.nextEvent('stopped');
  engine.process.kill('SIGTERM');
  expect(await engine.exited).toBe(0);
  expect(await stopped).toMatchObject({ graceful: true });
  await closed;
});
