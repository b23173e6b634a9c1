/**
 * Generators of malformed requests for the fuzz suite. Every request starts from one the engine
 * must refuse (a form with no prompt, a WEBP video source, a JSON body with no prompt, a truncated
 * PNG) and is then broken further, so no mutation can turn it into a valid request: whatever the
 * engine answers must be a 4xx.
 */
import fc from 'fast-check';
import { BOUNDARY, multipartBody, type Part } from './multipart';

export interface FuzzRequest extends fc.WithToStringMethod {
  /** What was generated, to read a failure by. */
  label: string;
  bytes: Buffer;
  /** A HEAD request: its answer has no body. */
  head: boolean;
}

export interface FuzzFixtures {
  /** The Host header of the engine under test. */
  host: string;
  png: Buffer;
  webp: Buffer;
  truncatedPng: Buffer;
}

interface Draft {
  label: string;
  method: string;
  path: string;
  /** Header lines as written, so a broken one can be too. */
  headers: string[];
  body: Buffer;
}

function serialize(draft: Draft): Buffer {
  const head = [`${draft.method} ${draft.path} HTTP/1.1`, ...draft.headers].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), draft.body]);
}

const withoutLength = (headers: string[]) => headers.filter((line) => !line.startsWith('Content-Length:'));

/** Sets the body and a Content-Length, the body's own unless `declared` is given. */
const withBody = (draft: Draft, body: Buffer, declared = body.length): Draft => ({
  ...draft,
  body,
  headers: [...withoutLength(draft.headers), `Content-Length: ${declared}`],
});

/** fast-check prints a failing request by its label, not its bytes. */
const request = (label: string, bytes: Buffer, head = false): FuzzRequest => ({ label, bytes, head, [fc.toStringMethod]: () => label });

const done = (draft: Draft, label = draft.label): FuzzRequest => request(label, serialize(draft), draft.method === 'HEAD');

function multipartDraft(label: string, host: string, path: string, parts: Part[]): Draft {
  const draft: Draft = {
    label,
    method: 'POST',
    path,
    headers: [`Host: ${host}`, 'Connection: close', `Content-Type: multipart/form-data; boundary=${BOUNDARY}`],
    body: Buffer.alloc(0),
  };
  return withBody(draft, multipartBody(parts));
}

function jsonDraft(label: string, host: string, body: string): Draft {
  const draft: Draft = { label, method: 'POST', path: '/api/generate', headers: [`Host: ${host}`, 'Connection: close', 'Content-Type: application/json'], body: Buffer.alloc(0) };
  return withBody(draft, Buffer.from(body));
}

/** Field names and values that never include a prompt (so img2img stays invalid). */
const textFields = (names: string[]) =>
  fc.array(fc.tuple(fc.constantFrom(...names), fc.string({ maxLength: 40, unit: 'binary' })), { maxLength: 6 }).map((pairs) =>
    pairs.map(([name, value]): Part => ({ name, value })),
  );

/** Requests the engine must refuse before any mutation. */
function baseDrafts(f: FuzzFixtures): fc.Arbitrary<Draft> {
  const image = (bytes: Buffer, type = 'image/png'): Part => ({ name: 'image', filename: 'in.png', type, bytes });
  const withoutPrompt = textFields(['strength', 'seed', 'style_preset', 'aspect_ratio', 'output_format']).map((fields) =>
    multipartDraft('img2img without a prompt', f.host, '/api/img2img', [...fields, image(f.png)]),
  );
  const webpVideo = textFields(['seed', 'cfg_scale', 'motion_bucket_id']).map((fields) =>
    multipartDraft('img2video from a WEBP', f.host, '/api/img2video', [...fields, image(f.webp, 'image/webp')]),
  );
  const truncated = fc.string({ minLength: 1, maxLength: 40 }).map((prompt) =>
    multipartDraft('img2img with a truncated PNG', f.host, '/api/img2img', [{ name: 'prompt', value: prompt }, image(f.truncatedPng)]),
  );
  const jsonWithoutPrompt = fc
    .dictionary(
      fc.oneof(fc.constantFrom('seed', 'style_preset', 'aspect_ratio', 'output_format', 'negative_prompt'), fc.string({ maxLength: 12 })),
      fc.jsonValue({ maxDepth: 2 }),
      { maxKeys: 5 },
    )
    .filter((body) => !Object.hasOwn(body, 'video_description'))
    .map((body) => jsonDraft('generate without a prompt', f.host, JSON.stringify(body)));
  return fc.oneof(withoutPrompt, webpVideo, truncated, jsonWithoutPrompt);
}

const BAD_HEADER_LINES = [
  'Content-Length: 5',
  'Content-Length: -1',
  'Content-Length: 1e3',
  'Transfer-Encoding: chunked',
  'Transfer-Encoding: gzip, chunked',
  'Host: rebind.evil.example',
  'Content-Type: text/plain',
  'Content-Type: multipart/form-data',
  'X-Bad\u0001Name: v',
  'X-Nul: a\u0000b',
  'No colon on this line',
  ' Leading-Space: v',
  'X-Folded: a\r\n  continued',
  `X-Big: ${'a'.repeat(17_000)}`,
  'Origin: https://evil.example',
  'Origin: null',
  'Expect: 100-continue',
  'Expect: 200-ok',
  'Upgrade: websocket\r\nConnection: upgrade',
  'Content-Encoding: gzip',
  'Cookie: aiart_session=../../../etc/passwd',
  'Range: bytes=0-',
];

/** Breaks a refusable request further: cut, flipped, with bad headers, or oversized. */
function mutated(f: FuzzFixtures): fc.Arbitrary<FuzzRequest> {
  const base = baseDrafts(f);
  const intact = base.map((draft) => done(draft));
  const cut = fc.tuple(base, fc.nat()).map(([draft, at]) => {
    const end = at % (draft.body.length + 1);
    return done(withBody(draft, draft.body.subarray(0, end)), `${draft.label}, body cut at ${end}/${draft.body.length}`);
  });
  const chunked = fc.tuple(base, fc.nat(), fc.integer({ min: 1, max: 4096 })).map(([draft, at, size]) => {
    const body = draft.body.subarray(0, at % (draft.body.length + 1));
    const chunks: Buffer[] = [];
    for (let i = 0; i < body.length; i += size) {
      const piece = body.subarray(i, i + size);
      chunks.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
    }
    chunks.push(Buffer.from('0\r\n\r\n'));
    const headers = [...withoutLength(draft.headers), 'Transfer-Encoding: chunked'];
    return done({ ...draft, headers, body: Buffer.concat(chunks) }, `${draft.label}, chunked and cut at ${body.length}`);
  });
  const flipped = fc
    .tuple(base, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }))
    .map(([draft, flips]) => {
      const bytes = Buffer.from(serialize(draft));
      const at = flips.map(([position, mask]) => {
        bytes[position % bytes.length] ^= mask;
        return position % bytes.length;
      });
      return request(`${draft.label}, bytes flipped at ${at.join(', ')}`, bytes);
    });
  const badHeaders = fc
    .tuple(base, fc.array(fc.constantFrom(...BAD_HEADER_LINES), { minLength: 1, maxLength: 3 }), fc.nat())
    .map(([draft, lines, at]) => {
      const headers = [...draft.headers];
      headers.splice(at % (headers.length + 1), 0, ...lines);
      return done({ ...draft, headers }, `${draft.label}, with ${lines.map((line) => JSON.stringify(line.slice(0, 40))).join(', ')}`);
    });
  return fc.oneof(
    { arbitrary: intact, weight: 1 },
    { arbitrary: cut, weight: 4 },
    { arbitrary: chunked, weight: 2 },
    { arbitrary: flipped, weight: 5 },
    { arbitrary: badHeaders, weight: 4 },
    { arbitrary: oversized(f), weight: 2 },
  );
}

/** Past a size or count limit, which no other part of the request can make valid. */
function oversized(f: FuzzFixtures): fc.Arbitrary<FuzzRequest> {
  const image: Part = { name: 'image', filename: 'in.png', type: 'image/png', bytes: f.png };
  const form = (label: string, parts: Part[]) => done(multipartDraft(label, f.host, '/api/img2img', parts));
  const json = (label: string, body: string, declared?: number) => {
    const draft = jsonDraft(label, f.host, body);
    return done(declared === undefined ? draft : withBody(draft, draft.body, declared));
  };
  return fc.oneof(
    fc.integer({ min: 64 * 1024 + 1, max: 80 * 1024 }).map((size) => form(`a ${size}-byte prompt`, [{ name: 'prompt', value: 'p'.repeat(size) }, image])),
    fc.integer({ min: 33, max: 60 }).map((count) => form(`${count} fields`, Array.from({ length: count }, (_, i) => ({ name: `f${i}`, value: 'x' })))),
    fc.integer({ min: 10_001, max: 12_000 }).map((size) => json(`a ${size}-character prompt`, JSON.stringify({ video_description: 'v'.repeat(size) }))),
    fc.integer({ min: 256 * 1024 + 1, max: 300 * 1024 }).map((size) => json(`a ${size}-byte JSON body`, JSON.stringify({ x: 'x'.repeat(size) }))),
    fc.integer({ min: 12 * 1024 * 1024, max: 2 ** 40 }).map((declared) => json(`a declared ${declared}-byte body`, '{}', declared)),
  );
}

const SERVED_NOTHING = [
  '/', '//', '/api', '/api/', '/api/generate/', '/API/GENERATE', '/api/img2video/result/', '/api/img2video/result/../../../etc/passwd',
  '/images/../jobs', '/images/%2e%2e%2fjobs', '/images/%', '/%00', '/processed_videos/nothing.mp4', '/engine.json/',
  '/.aiart-data/jobs', '/\\..\\..\\etc\\passwd', 'http://evil.example/api/generate', '/api/generate?video_description=x',
];

/** Odd methods and paths; never a pair the engine serves (no OPTIONS, no GET of /engine.json). */
function oddMethodsAndPaths(f: FuzzFixtures): fc.Arbitrary<FuzzRequest> {
  const methods = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'PROPFIND', 'MKCOL', 'PURGE', 'get', 'FOO', 'G\u0000T');
  const paths = fc.oneof(
    fc.constantFrom(...SERVED_NOTHING),
    fc.string({ maxLength: 60, unit: 'binary' }).map((tail) => `/x${tail}`),
    fc.stringMatching(/^[0-9a-f]{32}$/).map((id) => `/api/img2video/result/${id}`),
    fc.string({ maxLength: 40 }).map((name) => `/images/${encodeURIComponent(name)}.png`),
    fc.integer({ min: 100, max: 20_000 }).map((length) => `/${'a'.repeat(length)}`),
  );
  return fc.tuple(methods, paths, fc.boolean()).map(([method, path, hasBody]) => {
    const body = hasBody ? Buffer.from('{"video_description":') : Buffer.alloc(0);
    const draft: Draft = { label: `${JSON.stringify(method)} ${JSON.stringify(path.slice(0, 80))}`, method, path, headers: [`Host: ${f.host}`, 'Connection: close'], body };
    return done(withBody(draft, body));
  });
}

/** Every request of the suite that completes (is sent whole). */
export function completeRequests(f: FuzzFixtures): fc.Arbitrary<FuzzRequest> {
  return fc.oneof({ arbitrary: mutated(f), weight: 4 }, { arbitrary: oddMethodsAndPaths(f), weight: 1 });
}

/** Requests that stop before they end: the head cut anywhere, or the body short of what it declared. */
export function stalledRequests(f: FuzzFixtures): fc.Arbitrary<FuzzRequest> {
  return fc.tuple(baseDrafts(f), fc.nat(), fc.boolean()).map(([draft, at, inHead]) => {
    const bytes = serialize(draft);
    const headEnd = bytes.indexOf('\r\n\r\n');
    // At least one byte: a connection that sends nothing is idle, not stalled.
    const end = inHead ? 1 + (at % (headEnd - 1)) : headEnd + 4 + (at % draft.body.length);
    return request(`${draft.label}, stalled after ${end} of ${bytes.length} bytes`, bytes.subarray(0, end));
  });
}
