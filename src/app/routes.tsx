/** Routes: every page is its own lazily loaded chunk, so the first page carries only itself. */
import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { APP_PATHS } from '../lib/app-paths';
import { ErrorBoundary } from './error-boundary';

const CreatePage = lazy(() => import('../features/text-to-image/create-page'));
const TransformPage = lazy(() => import('../features/image-to-image/transform-page'));
const AnimatePage = lazy(() => import('../features/image-to-video/animate-page'));
const GalleryPage = lazy(() => import('../features/gallery/gallery-page'));
const SettingsPage = lazy(() => import('../features/settings/settings-page'));
const UpcomingPage = lazy(() => import('../features/upcoming/upcoming-page'));
const NotFoundPage = lazy(() => import('../features/upcoming/not-found-page'));

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
          <Route path={APP_PATHS.create} component={CreatePage} />
          <Route path="/create" component={CreatePage} />
          <Route path={APP_PATHS.transform} component={TransformPage} />
          <Route path={APP_PATHS.animate} component={AnimatePage} />
          <Route path={`${APP_PATHS.gallery}/*?`} component={GalleryPage} />
          <Route path={APP_PATHS.share}>
            <UpcomingPage title="Shared gallery" summary="Open galleries and recipes that other creators share by link." />
          </Route>
          <Route path={APP_PATHS.settings} component={SettingsPage} />
          <Route component={NotFoundPage} />
        </Switch>
      </Suspense>
    </ErrorBoundary>
  );
}
