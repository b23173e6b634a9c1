import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, MAX_SHARED_ITEMS, type SharedItem, ShareLinkError } from './share-link';

const image: SharedItem = {
  kind: 'image',
  url: 'https://aiart.example/images/a.png',
  seed: 42,
  request: { video_description: 'A lighthouse at dusk', negative_prompt: '', style_preset: 'anime', aspect_ratio: '16:9', output_format: 'png', seed: 42 },
};
const transform: SharedItem = {
  kind: 'transform',
  url: 'http://127.0.0.1:8787/processed_images/b.webp',
  seed: 7,
  request: { prompt: 'As a watercolour', negative_prompt: 'text', strength: 0.4, style_preset: undefined, aspect_ratio: '1:1', output_format: 'webp', seed: 7 },
};
const video: SharedItem = { kind: 'video', url: 'https://aiart.example/processed_videos/c.mp4', seed: 9, request: { seed: 9, cfg_scale: 2, motion_bucket_id: 200 } };

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');
/** A fragment whose payload is any JSON, deflated as the studio does. */
const withJson = (value: unknown) => `#share=${b64url(deflateRawSync(Buffer.from(JSON.stringify(value))))}`;
const withText = (text: string) => `#share=${b64url(deflateRawSync(Buffer.from(text)))}`;
const envelope = (items: unknown[], v: unknown = 1) => withJson({ v, items });
const rawImage = { k: 'image', u: image.url, s: 42, r: image.request };

describe('share links', () => {
  it('round-trips images, transforms and videos', async () => {
    const hash = `#${await encodeShare([image, transform, video])}`;
    expect(await decodeShare(hash)).toEqual({ items: [image, { ...transform, request: { ...transform.request, style_preset: undefined } }, video], skipped: 0 });
  });

  it('keeps a link of fifty items well under the size limit', async () => {
    const fragment = await encodeShare(Array.from({ length: MAX_SHARED_ITEMS }, (_, i) => ({ ...image, seed: i + 1, url: `${image.url}?n=${i}` })));
    expect(fragment.length).toBeLessThan(16_000);
    expect((await decodeShare(fragment)).items).toHaveLength(MAX_SHARED_ITEMS);
  });

  const refused: Array<[string, string, RegExp]> = [
    ['no fragment', '', /holds no shared gallery/],
    ['another fragment', '#section-2', /holds no shared gallery/],
    ['invalid base64 characters', '#share=abc$%^&', /characters a share link never has/],
    ['base64 of the wrong length', '#share=a', /part of it is missing|damaged/],
    ['random bytes instead of deflate', `#share=${b64url(Buffer.from('definitely not deflated data, just text'))}`, /damaged/],
    ['truncated deflate', `#share=${b64url(deflateRawSync(Buffer.from(JSON.stringify({ v: 1, items: [rawImage] }))).subarray(0, 20))}`, /damaged/],
    ['a zip bomb: megabytes of zeros in a small link', `#share=${b64url(deflateRawSync(Buffer.alloc(5 * 1024 * 1024)))}`, /more than a shared gallery can/],
    ['a one-megabyte prompt', envelope([{ ...rawImage, r: { ...rawImage.r, video_description: 'x'.repeat(1024 * 1024) } }]), /more than a shared gallery can/],
    ['an overlong fragment', `#share=${'A'.repeat(16_001)}`, /longer than any share link/],
    ['not JSON', withText('<script>alert(1)</script>'), /cannot be read/],
    ['invalid UTF-8', `#share=${b64url(deflateRawSync(Buffer.from([0xff, 0xfe, 0xfd])))}`, /cannot be read/],
    ['JSON null', withJson(null), /not a shared gallery/],
    ['a JSON string', withJson('hello'), /not a shared gallery/],
    ['an array at the top', withJson([rawImage]), /not a shared gallery/],
    ['a missing version', withJson({ items: [rawImage] }), /not a shared gallery/],
    ['a version as text', envelope([rawImage], '1'), /not a shared gallery/],
    ['a future version', envelope([rawImage], 2), /different version of the studio \(version 2\)/],
    ['items that are not a list', withJson({ v: 1, items: { 0: rawImage } }), /not a shared gallery/],
    ['a huge list of items', envelope(Array.from({ length: 51 }, () => rawImage)), /more than 50 items/],
    ['an empty list', envelope([]), /no item the studio can show/],
    ['only javascript: URLs', envelope([{ ...rawImage, u: 'javascript:alert(1)' }]), /no item/],
    ['only data: URLs', envelope([{ ...rawImage, u: 'data:image/png;base64,AAAA' }]), /no item/],
    ['a relative URL', envelope([{ ...rawImage, u: '/images/a.png' }]), /no item/],
    ['a file: URL', envelope([{ ...rawImage, u: 'file:///etc/passwd' }]), /no item/],
    ['an unknown kind', envelope([{ ...rawImage, k: 'script' }]), /no item/],
    ['a seed as text', envelope([{ ...rawImage, s: '42' }]), /no item/],
    ['a negative seed', envelope([{ ...rawImage, s: -1 }]), /no item/],
    ['a fractional seed', envelope([{ ...rawImage, s: 1.5 }]), /no item/],
    ['an unknown style preset', envelope([{ ...rawImage, r: { ...rawImage.r, style_preset: '<img src=x onerror=alert(1)>' } }]), /no item/],
    ['an unknown aspect ratio', envelope([{ ...rawImage, r: { ...rawImage.r, aspect_ratio: '1:99' } }]), /no item/],
    ['a request that is not an object', envelope([{ ...rawImage, r: 'prompt' }]), /no item/],
    ['an empty prompt', envelope([{ ...rawImage, r: { ...rawImage.r, video_description: '   ' } }]), /no item/],
    ['strength out of range', envelope([{ k: 'transform', u: transform.url, s: 7, r: { ...transform.request, strength: 5 } }]), /no item/],
    ['motion out of range', envelope([{ k: 'video', u: video.url, s: 9, r: { seed: 9, motion_bucket_id: 999 } }]), /no item/],
    ['a URL longer than any real one', envelope([{ ...rawImage, u: `https://x.example/${'a'.repeat(3000)}` }]), /no item/],
  ];

  it.each(refused)('refuses %s with a plain message and a ShareLinkError', async (_name, hash, message) => {
    const outcome = await decodeShare(hash).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(ShareLinkError);
    expect((outcome as Error).message).toMatch(message);
  });

  it('keeps the good items of a partly damaged link and counts the rest', async () => {
    const result = await decodeShare(envelope([rawImage, { ...rawImage, u: 'javascript:alert(1)' }, 'junk', null]));
    expect(result.items).toHaveLength(1);
    expect(result.skipped).toBe(3);
  });

  it('drops unknown fields and keeps markup in prompts as plain text', async () => {
    const hostile = { ...rawImage, extra: '<b>x</b>', r: { ...rawImage.r, video_description: '<script>alert(1)</script>', __proto__: { polluted: true }, onload: 'x' } };
    const { items } = await decodeShare(envelope([hostile]));
    expect(items[0]).toEqual({ ...image, request: { ...image.request, video_description: '<script>alert(1)</script>' } });
    expect(Object.keys(items[0])).toEqual(['kind', 'url', 'seed', 'request']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('round-trips the model that made each item', async () => {
    const made = [
      { ...image, model: 'a1111:dreamshaper_8.safetensors [879db523c3]' },
      { ...video, model: 'local:preview' },
    ];
    expect((await decodeShare(await encodeShare(made))).items).toEqual(made);
  });

  it.each([
    ['markup', '<img src=x onerror=alert(1)>'],
    ['a model id too long to be one', `a1111:${'x'.repeat(400)}`],
    ['control characters', 'a1111:dream\u0000shaper\nnext'],
    ['no backend', 'dreamshaper_8'],
    ['a number', 42],
    ['an object', { id: 'local:preview' }],
    ['a list', ['local:preview']],
  ])('keeps an item but leaves out a hostile model: %s', async (_name, model) => {
    const { items, skipped } = await decodeShare(envelope([{ ...rawImage, m: model }]));
    expect(skipped).toBe(0);
    expect(items).toEqual([image]);
    expect(items[0]).not.toHaveProperty('model');
  });
});
