/** GET /images/…, /processed_images/…, /processed_videos/…: generated files, with byte ranges. */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EngineContext } from '../engine-context';
import { ApiError } from '../http/api-error';
import { BASE_HEADERS } from '../http/respond';

export async function handleMedia(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: EngineContext,
  folder: string,
  name: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw new ApiError(405, 'Media can only be read (GET or HEAD)', { Allow: 'GET, HEAD' });
  }
  const found = await ctx.media.locate(folder, name);
  if (!found) throw new ApiError(404, `No media file /${folder}/${name.slice(0, 128)} (it may have expired)`);
  const headers: Record<string, string | number> = {
    ...BASE_HEADERS,
    'Content-Type': found.type,
    'Cache-Control': 'public, max-age=3600',
    'Accept-Ranges': 'bytes',
    'Cross-Origin-Resource-Policy': 'same-site',
  };
  const range = parseRange(req.headers.range, found.size);
  if (range === 'invalid') {
    throw new ApiError(416, `The range ${req.headers.range!.slice(0, 64)} is outside the file's ${found.size} bytes`, {
      'Content-Range': `bytes */${found.size}`,
    });
  }
  const [start, end] = range ?? [0, found.size - 1];
  res.writeHead(range ? 206 : 200, {
    ...headers,
    'Content-Length': end - start + 1,
    ...(range ? { 'Content-Range': `bytes ${start}-${end}/${found.size}` } : {}),
  });
  if (req.method === 'HEAD' || found.size === 0) {
    res.end();
    return;
  }
  createReadStream(found.file, { start, end, highWaterMark: 1024 * 1024 }).on('error', () => res.destroy()).pipe(res);
}

/** One byte range (`bytes=a-b`, `bytes=a-` or `bytes=-n`); multiple ranges get the whole file. */
function parseRange(header: string | undefined, size: number): [number, number] | 'invalid' | undefined {
  const match = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!match || (!match[1] && !match[2])) return undefined;
  const start = match[1] ? Number(match[1]) : Math.max(0, size - Number(match[2]));
  const end = match[1] && match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  return start > end || start >= size ? 'invalid' : [start, end];
}
