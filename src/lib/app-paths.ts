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

/** The address of a page that opens with a gallery item as its source image. */
export function withSourceItem(pagePath: string, itemId: string): string {
  return `${pagePath}?from=${encodeURIComponent(itemId)}`;
}

/** The gallery item a page was asked to open with, if any. */
export function sourceItemOf(search: string): string | undefined {
  const id = new URLSearchParams(search).get('from');
  return id && id.length <= 200 ? id : undefined;
}
