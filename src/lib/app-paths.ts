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
