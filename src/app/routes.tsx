/**
 * Routes: every page is its own lazily loaded chunk, so the first page carries only itself. The
 * page at the address the studio opens on is loaded before the first render (`preloadPage`), so
 * it appears at once instead of behind a loading placeholder.
 */
import { type ComponentType, lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { APP_PATHS } from '../lib/app-paths';
import { ErrorBoundary } from './error-boundary';

type PageModule = { default: ComponentType };

const PAGES = {
  create: () => import('../features/text-to-image/create-page'),
  transform: () => import('../features/image-to-image/transform-page'),
  animate: () => import('../features/image-to-video/animate-page'),
  gallery: () => import('../features/gallery/gallery-page'),
  settings: () => import('../features/settings/settings-page'),
  share: () => import('../features/share/share-page'),
  notFound: () => import('../features/not-found/not-found-page'),
} satisfies Record<string, () => Promise<PageModule>>;

type PageName = keyof typeof PAGES;

const lazyPages = {} as Record<PageName, ComponentType>;
for (const name of Object.keys(PAGES) as PageName[]) lazyPages[name] = lazy(PAGES[name]);
const preloaded = new Map<PageName, ComponentType>();

function pageAt(pathname: string): PageName {
  if (pathname === APP_PATHS.create || pathname === '/create') return 'create';
  const [, first] = pathname.split('/');
  const name = Object.entries(APP_PATHS).find(([, path]) => path === `/${first}`)?.[0];
  return (name as PageName | undefined) ?? 'notFound';
}

/** Loads the page for `pathname`; a failure is left for the lazy route to report. */
export async function preloadPage(pathname: string): Promise<void> {
  const name = pageAt(pathname);
  const page = await PAGES[name]().catch(() => undefined);
  if (page) preloaded.set(name, page.default);
}

const page = (name: PageName) => preloaded.get(name) ?? lazyPages[name];

function PageLoading() {
  return (
    <p role="status" className="p-6 text-muted">
      Loading…
    </p>
  );
}

export function AppRoutes() {
  return (
    <ErrorBoundary>
      <Suspense fallback={<PageLoading />}>
        <Switch>
          <Route path={APP_PATHS.create} component={page('create')} />
          <Route path="/create" component={page('create')} />
          <Route path={APP_PATHS.transform} component={page('transform')} />
          <Route path={APP_PATHS.animate} component={page('animate')} />
          <Route path={`${APP_PATHS.gallery}/*?`} component={page('gallery')} />
          <Route path={APP_PATHS.share} component={page('share')} />
          <Route path={APP_PATHS.settings} component={page('settings')} />
          <Route component={page('notFound')} />
        </Switch>
      </Suspense>
    </ErrorBoundary>
  );
}
