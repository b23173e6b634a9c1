import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchBackendMedia, MAX_MEDIA_BYTES, MediaFetchError } from './fetch-backend-media';

const PNG = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52);
const here = (file: string) => `${location.origin}/images/${file}`;
const picture = (remoteUrl: string, backend = '') => ({ kind: 'image' as const, backend, remoteUrl });

function answer(body: BodyInit | null, headers: Record<string, string> = { 'content-type': 'image/png' }, url?: string) {
  const response = new Response(body, { headers });
  if (url) Object.defineProperty(response, 'url', { value: url });
  return vi.spyOn(globalThis, 'fetch').mockResolvedValue(response);
}

const refusal = (item: Parameters<typeof fetchBackendMedia>[0]) => fetchBackendMedia(item).then(() => undefined, (error: unknown) => error as Error);

afterEach(() => vi.restoreAllMocks());

describe('fetching an item\u2019s media from its backend', () => {
  it('returns the picture, typed by its bytes', async () => {
    answer(PNG as Uint8Array<ArrayBuffer>, { 'content-type': 'application/octet-stream' });
    const media = await fetchBackendMedia(picture(here('a.png')));
    expect(media.type).toBe('image/png');
    expect(media.size).toBe(PNG.length);
  });

  it.each([
    ['another host', picture('https://tracker.example/images/a.png')],
    ['another host than the item\u2019s backend', picture(here('a.png'), 'https://aiart-zroo.onrender.com')],
    ['a path outside the media folders', picture(`${location.origin}/api/generate`)],
    ['a page, not an http(s) file', picture('javascript:alert(1)')],
  ])('never asks %s', async (_name, item) => {
    const fetcher = answer(PNG as Uint8Array<ArrayBuffer>);
    const error = await refusal(item);
    expect(error).toBeInstanceOf(MediaFetchError);
    expect(error?.message).toMatch(/not a media file on the backend that made it/);
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('says whether asking again may help', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('busy', { status: 503 }));
    expect(await refusal(picture(here('a.png')))).toMatchObject({ retryable: true, message: 'the backend did not send it (HTTP 503)' });
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('gone', { status: 404 }));
    expect(await refusal(picture(here('a.png')))).toMatchObject({ retryable: false, message: 'the backend did not send it (HTTP 404)' });
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('offline'));
    expect(await refusal(picture(here('a.png')))).toMatchObject({ retryable: true, message: 'the backend did not send it (no answer)' });
  });

  it('refuses an answer sent from another host after a redirect', async () => {
    answer(PNG as Uint8Array<ArrayBuffer>, undefined, 'https://elsewhere.example/a.png');
    expect((await refusal(picture(here('a.png'))))?.message).toMatch(/from another host/);
  });

  it('refuses a page, or bytes that are not what the item is', async () => {
    answer('<html>', { 'content-type': 'text/html' });
    expect((await refusal(picture(here('a.png'))))?.message).toMatch(/sent text\/html/);
    answer('<svg onload=alert(1)>', { 'content-type': 'image/png' });
    expect((await refusal(picture(here('a.png'))))?.message).toMatch(/not send a PNG, JPEG or WebP/);
    answer(PNG as Uint8Array<ArrayBuffer>, { 'content-type': 'video/mp4' });
    expect((await refusal({ kind: 'video', backend: '', remoteUrl: `${location.origin}/processed_videos/v.mp4` }))?.message).toMatch(/not send an MP4/);
  });

  it('refuses a file over the cap, by its stated length or while reading it', async () => {
    answer(PNG as Uint8Array<ArrayBuffer>, { 'content-type': 'image/png', 'content-length': String(MAX_MEDIA_BYTES + 1) });
    expect((await refusal(picture(here('a.png'))))?.message).toMatch(/larger than any file/);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024 * 1024;
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    answer(endless);
    expect((await refusal(picture(here('a.png'))))?.message).toMatch(/larger than any file/);
    expect(sent).toBeLessThan(MAX_MEDIA_BYTES + 4 * 1024 * 1024);
  });
});
