/** The studio's page paths: the router's routes, and what the server answers with index.html. */
export const APP_PATHS = {
  create: '/',
  transform: '/transform',
  animate: '/animate',
  gallery: '/gallery',
  settings: '/settings',
  share: '/share',
} as const;

const DEEP_LINKED: readonly string[] = [APP_PATHS.gallery];

/** True for a path the single-page app renders itself (so a reload there gets index.html). */
export function isAppPath(pathname: string): boolean {
  if (pathname === '/' || pathname === '/create') return true;
  return Object.values(APP_PATHS).some(
    (path) => path !== '/' && (pathname === path || (DEEP_LINKED.includes(path) && pathname.startsWith(`${path}/`))),
  );
}

/** A picture a page opens with: a gallery item's own picture, or the one an item was made from. */
export interface PictureRef {
  itemId: string;
  use: 'item' | 'source';
}

const PICTURE_PARAMS = { item: 'from', source: 'source-of' } as const;

/** The query parameter that names `ref`. */
export function pictureParam(ref: PictureRef): string {
  return `${PICTURE_PARAMS[ref.use]}=${encodeURIComponent(ref.itemId)}`;
}

/** The address of a page that opens with a gallery item as its source image. */
export function withSourceItem(pagePath: string, itemId: string): string {
  return `${pagePath}?${pictureParam({ itemId, use: 'item' })}`;
}

/** The picture a page was asked to open with, if any. */
export function pictureRefOf(search: string): PictureRef | undefined {
  const params = new URLSearchParams(search);
  for (const use of ['item', 'source'] as const) {
    const itemId = params.get(PICTURE_PARAMS[use]);
    if (itemId && itemId.length <= 200) return { itemId, use };
  }
  return undefined;
}
