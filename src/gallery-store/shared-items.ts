/**
 * Between the gallery and share links: which items can be shared (a finished result with a media
 * address), and saving a shared item into this browser's gallery, its media checked and stored.
 */
import type { SharedItem } from '../lib/share-link';
import type { GalleryItem } from './gallery-item';
import { imageThumbnail, videoThumbnail } from './thumbnail';
import { galleryStore } from './use-gallery';

const MAX_SHARED_MEDIA_BYTES = 60 * 1024 * 1024;
const MEDIA_TYPES = { image: /^image\/(png|jpeg|webp)$/, transform: /^image\/(png|jpeg|webp)$/, video: /^video\/mp4$/ } as const;

export function toSharedItem(item: GalleryItem): SharedItem | undefined {
  if (item.status !== 'ready' || !item.remoteUrl) return undefined;
  return { kind: item.kind, url: item.remoteUrl, seed: item.seed, request: item.request, model: item.model } as SharedItem;
}

export type SaveOutcome = 'saved' | 'already';

/** Downloads a shared item's media into the gallery; throws with a plain message when it cannot. */
export async function saveSharedItem(shared: SharedItem): Promise<SaveOutcome> {
  const state = galleryStore.getState();
  if (state.items.some((item) => item.remoteUrl === shared.url)) return 'already';
  const response = await fetch(shared.url).catch(() => undefined);
  if (!response?.ok) throw new Error('Its media is no longer available from the backend that made it.');
  if (Number(response.headers.get('content-length') ?? 0) > MAX_SHARED_MEDIA_BYTES) throw new Error('Its media is larger than a shared file may be.');
  const media = await response.blob();
  if (media.size > MAX_SHARED_MEDIA_BYTES) throw new Error('Its media is larger than a shared file may be.');
  if (!MEDIA_TYPES[shared.kind].test(media.type)) throw new Error('Its backend answered with something other than the expected picture or video.');
  const made = await (shared.kind === 'video' ? videoThumbnail(media) : imageThumbnail(media)).catch(() => undefined);
  if (!made) throw new Error('Its media could not be decoded.');
  const origin = new URL(shared.url).origin;
  const id = crypto.randomUUID();
  state.upsert({
    id,
    kind: shared.kind,
    status: 'ready',
    backend: origin === window.location.origin ? '' : origin,
    seed: shared.seed,
    model: shared.model,
    request: shared.request,
    remoteUrl: shared.url,
    mediaType: media.type,
    width: made.width,
    height: made.height,
    createdAt: Date.now(),
    favourite: false,
    mediaStored: false,
  } as GalleryItem);
  await state.storeMedia(id, media, made.thumb);
  return 'saved';
}
