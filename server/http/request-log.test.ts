/** Request ids: kept when safe, made otherwise, answered in X-Request-Id and written in the log line. */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it, vi } from 'vitest';
import { trackRequest } from './request-log';

afterEach(() => vi.restoreAllMocks());

async function answerOnce(headers: Record<string, string>) {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => lines.push(String(chunk)) > 0);
  const server = createServer((req, res) => {
    trackRequest(req, res, true);
    res.writeHead(204).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/some/path?secret=1`, { headers });
    await res.arrayBuffer();
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    return { header: res.headers.get('x-request-id'), line: JSON.parse(lines[0]) as Record<string, unknown> };
  } finally {
    server.close();
  }
}

it('keeps a short, safe id from a proxy and logs it with the answer, without the query', async () => {
  const { header, line } = await answerOnce({ 'X-Request-Id': 'lb-7f3a:42' });
  expect(header).toBe('lb-7f3a:42');
  expect(line).toMatchObject({ requestId: 'lb-7f3a:42', method: 'GET', path: '/some/path', status: 204 });
});

it.each([
  ['too long', 'a'.repeat(65)],
  ['with characters a log should not hold', '"},{"admin":true'],
  ['empty', ''],
])('makes its own id when the given one is %s', async (_, given) => {
  const { header, line } = await answerOnce({ 'X-Request-Id': given });
  expect(header).toMatch(/^[0-9a-f-]{36}$/);
  expect(line.requestId).toBe(header);
});
