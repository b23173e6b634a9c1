/**
 * Fetches a picture or video an upstream answered with a link to (OpenAI's `url`, AiArt's
 * `image_url`): http(s) only, no credentials sent, a deadline, and caps on type and size.
 */
import { ApiError } from '../http/api-error';
import { createUpstream, MB } from './upstream';

const MEDIA_TYPES = /^(image\/(png|jpeg|webp)|video\/mp4|application\/octet-stream|binary\/octet-stream)\b/i;

export async function downloadMedia(
  link: string,
  from: { label: string; secrets: readonly string[]; timeoutMs: number },
  maxBytes = 50 * MB,
): Promise<Buffer> {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new ApiError(502, `${from.label} answered with a link that is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ApiError(502, `${from.label} answered with a ${url.protocol} link; only http(s) links are fetched`);
  }
  const host = createUpstream({
    label: from.label,
    url: url.origin,
    urlVariable: 'the link it answered',
    secrets: from.secrets,
    timeoutMs: from.timeoutMs,
  });
  const res = await host.call(`${url.pathname}${url.search}`, { followRedirects: true });
  const type = res.headers.get('content-type') ?? '';
  if (!MEDIA_TYPES.test(type)) {
    await res.body?.cancel().catch(() => undefined);
    throw host.broken(`answered with a link to ${type.split(';')[0] || 'an untyped file'}, not a picture or video`);
  }
  return host.readBytes(res, maxBytes, 'a file');
}
