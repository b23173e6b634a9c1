/**
 * Fetches an item's media from the backend that made it, and from nowhere else: the address must
 * be media on the item's own backend origin (see media-address.ts), the answer must stay there,
 * be a picture or MP4 video by its bytes (of the item's kind), and be at most MAX_MEDIA_BYTES,
 * checked before and while reading. Every refusal says what was wrong.
 */
import { type MediaType, sniffMediaType } from '../lib/media-type';
import type { GalleryItem } from './gallery-item';
import { backendMediaUrl } from './media-address';

/** Larger than any picture or video the studio makes, by far. */
export const MAX_MEDIA_BYTES = 64 * 1024 * 1024;

export class MediaFetchError extends Error {
  override readonly name = 'MediaFetchError';
  /** True when asking again later may work (no answer, a server error, a rate limit); false when it never will. */
  constructor(
    message: string,
    readonly retryable = false,
  ) {
    super(message);
  }
}

const ACCEPTED_TYPES = /^(image\/(png|jpeg|webp)|video\/mp4|application\/octet-stream|binary\/octet-stream)?$/;
const kindAccepts = (kind: GalleryItem['kind'], type: MediaType) => (kind === 'video' ? type === 'video/mp4' : type.startsWith('image/'));

/** The item's backend origin: its own, or this origin for '' (the studio's own server). */
const backendOrigin = (item: Pick<GalleryItem, 'backend'>) => item.backend || globalThis.location?.origin || '';

export async function fetchBackendMedia(item: Pick<GalleryItem, 'remoteUrl' | 'backend' | 'kind'>, signal?: AbortSignal): Promise<Blob> {
  const origin = backendOrigin(item);
  const url = item.remoteUrl && backendMediaUrl(item.remoteUrl, new Set([origin]));
  if (!url) throw new MediaFetchError('its address is not a media file on the backend that made it');
  const response = await fetch(url, { signal }).catch(() => undefined);
  if (!response?.ok) {
    const retryable = !response || response.status >= 500 || response.status === 429 || response.status === 408;
    throw new MediaFetchError(`the backend did not send it (${response ? `HTTP ${response.status}` : 'no answer'})`, retryable);
  }
  if (response.url && new URL(response.url).origin !== origin) throw new MediaFetchError('the backend sent it from another host');
  const declaredType = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (!ACCEPTED_TYPES.test(declaredType)) throw new MediaFetchError(`the backend sent ${declaredType.slice(0, 40)}, not a picture or video`);
  if (Number(response.headers.get('content-length')) > MAX_MEDIA_BYTES) throw new MediaFetchError('it is larger than any file the studio keeps');
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    size += next.value.length;
    if (size > MAX_MEDIA_BYTES) {
      await reader?.cancel().catch(() => undefined);
      throw new MediaFetchError('it is larger than any file the studio keeps');
    }
    chunks.push(next.value);
  }
  const media = new Blob(chunks as Uint8Array<ArrayBuffer>[]);
  const type = sniffMediaType(new Uint8Array(await media.slice(0, 16).arrayBuffer()));
  if (!type || !kindAccepts(item.kind, type)) throw new MediaFetchError(item.kind === 'video' ? 'the backend did not send an MP4 video' : 'the backend did not send a PNG, JPEG or WebP picture');
  return media.slice(0, media.size, type);
}
