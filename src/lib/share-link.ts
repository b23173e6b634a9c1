/**
 * Share links: a versioned, deflated payload in the address's fragment (never sent to a server)
 * with, per item, its kind, seed, request, media URL and the model that made it. A link is hostile
 * input to whoever opens it: its size is capped before and after inflating, and every item is
 * rebuilt from the contract's own schemas (enums whitelisted, text capped, unknown fields
 * dropped), with only absolute http(s) media URLs kept and a model only when it is a short id.
 */
import * as z from 'zod/mini';
import { type GenerateRequest, type ImageToImageFields, type ImageToVideoFields, MAX_SEED, REQUEST_SCHEMAS } from '../api/contract';
import { concatBytes, parseJsonBytes } from './bytes';
import { readModelId } from './model-id';

const SHARE_VERSION = 1;
export const MAX_SHARED_ITEMS = 50;
/** Longer addresses are cut or refused by some browsers, chat apps and mail clients. */
export const MAX_LINK_FRAGMENT_CHARS = 16_000;
const MAX_INFLATED_BYTES = 256 * 1024;
const MAX_URL_CHARS = 2048;
const FRAGMENT_KEY = 'share=';

/** `model` is the engine's model id that made the item, when known. */
export type SharedItem = { url: string; seed: number; model?: string } & (
  | { kind: 'image'; request: GenerateRequest }
  | { kind: 'transform'; request: ImageToImageFields }
  | { kind: 'video'; request: ImageToVideoFields }
);

export interface SharedGallery {
  items: SharedItem[];
  /** How many items of the link were damaged and left out. */
  skipped: number;
}

export class ShareLinkError extends Error {
  override readonly name = 'ShareLinkError';
}


const envelopeSchema = z.object({
  v: z.number(),
  items: z.array(z.unknown()).check(z.maxLength(MAX_SHARED_ITEMS)),
});

const rawItemSchema = z.object({
  k: z.enum(['image', 'transform', 'video']),
  u: z.string().check(z.maxLength(MAX_URL_CHARS)),
  s: z.number().check(z.int(), z.minimum(0), z.maximum(MAX_SEED)),
  r: z.record(z.string(), z.unknown()),
  /** The model; one that is not a short model id is left out, the item kept. */
  m: z.optional(z.unknown()),
});

/** The URL itself when it is an absolute http(s) address, else undefined. */
export function safeMediaUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** One item of a link rebuilt from what is valid, or undefined. */
function rebuildItem(raw: unknown): SharedItem | undefined {
  const parsed = rawItemSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const { k: kind, u, s: seed, r, m } = parsed.data;
  const url = safeMediaUrl(u);
  const request = REQUEST_SCHEMAS[kind].safeParse(r);
  if (!url || !request.success) return undefined;
  const model = readModelId(m);
  return { kind, url, seed, request: request.data, ...(model ? { model } : {}) } as SharedItem;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new ShareLinkError('The link is damaged: it contains characters a share link never has.');
  try {
    return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  } catch {
    throw new ShareLinkError('The link is damaged: part of it is missing.');
  }
}

const streamOf = (bytes: Uint8Array) =>
  new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(bytes as Uint8Array<ArrayBuffer>);
      controller.close();
    },
  });

/** Reads a stream to its end, refusing to hold more than `limit` bytes. */
async function readAtMost(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ShareLinkError('The link holds more than a shared gallery can: it was refused.');
    }
    chunks.push(value);
  }
  return concatBytes(chunks, size);
}

const deflate = (bytes: Uint8Array) => readAtMost(streamOf(bytes).pipeThrough<Uint8Array>(new CompressionStream('deflate-raw')), Number.POSITIVE_INFINITY);

/** Inflates at most `limit` bytes: a small link that would inflate to megabytes is refused early. */
async function inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
  try {
    return await readAtMost(streamOf(bytes).pipeThrough<Uint8Array>(new DecompressionStream('deflate-raw')), limit);
  } catch (error) {
    if (error instanceof ShareLinkError) throw error;
    throw new ShareLinkError('The link is damaged: it was cut short or altered.');
  }
}

/** The fragment (without '#') that carries `items`. */
export async function encodeShare(items: readonly SharedItem[]): Promise<string> {
  const payload = { v: SHARE_VERSION, items: items.map((item) => ({ k: item.kind, u: item.url, s: item.seed, r: item.request, m: item.model })) };
  return FRAGMENT_KEY + toBase64Url(await deflate(new TextEncoder().encode(JSON.stringify(payload))));
}

/** True when the fragment (with or without '#') looks like a share link at all. */
export function isShareFragment(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(FRAGMENT_KEY);
}

/** Reads a fragment back; throws ShareLinkError with a plain message when it cannot be used. */
export async function decodeShare(hash: string): Promise<SharedGallery> {
  const fragment = hash.replace(/^#/, '');
  if (!fragment.startsWith(FRAGMENT_KEY)) throw new ShareLinkError('This address holds no shared gallery.');
  const data = fragment.slice(FRAGMENT_KEY.length);
  if (data.length > MAX_LINK_FRAGMENT_CHARS) throw new ShareLinkError('The link is longer than any share link the studio makes: it was refused.');
  const inflated = await inflate(fromBase64Url(data), MAX_INFLATED_BYTES);
  const json = parseJsonBytes(inflated);
  if (!json.ok) throw new ShareLinkError('The link is damaged: its contents cannot be read.');
  const envelope = envelopeSchema.safeParse(json.value);
  if (!envelope.success) throw new ShareLinkError('The link is damaged: it is not a shared gallery, or holds more than 50 items.');
  if (envelope.data.v !== SHARE_VERSION) {
    throw new ShareLinkError(`The link was made by a different version of the studio (version ${String(envelope.data.v).slice(0, 10)}): it cannot be opened here.`);
  }
  const items = envelope.data.items.map(rebuildItem);
  const kept = items.filter((item): item is SharedItem => item !== undefined);
  if (kept.length === 0) throw new ShareLinkError('The link holds no item the studio can show.');
  return { items: kept, skipped: items.length - kept.length };
}
