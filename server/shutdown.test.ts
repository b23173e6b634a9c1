/** Graceful shutdown: a stop signal lets in-flight requests finish before the process exits. */
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { type IncomingMessage, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { spawnEngine } from './testing/spawn-engine';

it('finishes a request in flight when it receives SIGTERM, then exits 0', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'aiart-stop-'));
  const engine = await spawnEngine({ AIART_DATA_DIR: dataDir });
  try {
    const body = JSON.stringify({ video_description: 'last light', output_format: 'jpg' });
    const req = request(`${engine.url}/api/generate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Expect: '100-continue' },
    });
    const answered = once(req, 'response') as Promise<[IncomingMessage]>;
    req.flushHeaders();
    // "100 Continue" proves the engine has taken the request before it is told to stop.
    await once(req, 'continue');
    engine.process.kill('SIGTERM');
    req.end(body);
    const [res] = await answered;
    let text = '';
    for await (const chunk of res) text += chunk;
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ success: true });
    expect(await engine.exited).toBe(0);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
