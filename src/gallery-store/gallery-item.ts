/** What the gallery keeps of each result: the request it came from and where its media lives. */
import type { ImageToVideoFields } from '../api/contract';
import type { GenerateParams } from '../api/generate-image';
import type { TransformParams } from '../api/transform-image';

export type GalleryKind = 'image' | 'transform' | 'video';

/**
 * A run's life: queued (waiting its turn), running (sent, or a video job being polled), then
 * ready (the result exists), failed (it never will, and why) or cancelled (by the creator).
 */
export type GalleryStatus = 'queued' | 'running' | 'ready' | 'failed' | 'cancelled';

/** Still to finish: the run queue owns these. */
export const isActive = (item: { status: GalleryStatus }) => item.status === 'queued' || item.status === 'running';

interface ItemBase {
  id: string;
  status: GalleryStatus;
  /** The backend that made it ('' = the studio's own origin). */
  backend: string;
  /** The engine's model id (`backend:model`) that made it: as its answer named it, else as asked. */
  model?: string;
  /** The seed actually used (for a pending item, the one sent). */
  seed: number;
  remoteUrl?: string;
  mediaType?: string;
  width?: number;
  height?: number;
  bytes?: number;
  createdAt: number;
  favourite: boolean;
  /** The item this one was made from. */
  parentId?: string;
  /** True once the original media Blob is in IndexedDB. */
  mediaStored: boolean;
  /** True when the picture it was made from (a file, not a gallery item) is kept with it. */
  sourceStored?: boolean;
  /** Why the item failed, or why its media could not be kept. */
  problem?: string;
  /** How many times its request has been sent. */
  attempts?: number;
  /** When the current attempt was sent. */
  startedAt?: number;
  /** True when it was sent again because a page closed while it was running. */
  resent?: boolean;
  /** Its place in the queue: lower goes first (Move to top); defaults to createdAt. */
  queueOrder?: number;
  /** A queued run waits until then before its next attempt (backing off after a server error). */
  retryAt?: number;
}

/** A picture made from a prompt template keeps the template it was expanded from, as typed. */
interface FromTemplate {
  template?: string;
}

export type GalleryItem =
  | (ItemBase & FromTemplate & { kind: 'image'; request: GenerateParams })
  | (ItemBase & FromTemplate & { kind: 'transform'; request: TransformParams })
  | (ItemBase & { kind: 'video'; request: ImageToVideoFields; jobId?: string; finishReason?: string });

/** The prompt of any item, for search and display; videos have none. */
export function promptOf(item: GalleryItem): string {
  if (item.kind === 'image') return item.request.video_description;
  if (item.kind === 'transform') return item.request.prompt;
  return '';
}

/** The template a picture was expanded from, if it was. */
export function templateOf(item: GalleryItem): string | undefined {
  return item.kind === 'video' ? undefined : item.template;
}

export function styleOf(item: GalleryItem): string | undefined {
  return item.kind === 'video' ? undefined : item.request.style_preset;
}

export function aspectRatioOf(item: GalleryItem): string | undefined {
  return item.kind === 'video' ? undefined : item.request.aspect_ratio;
}
