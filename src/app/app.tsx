/** The studio: providers around the layout and its routes, and the watcher of running video jobs. */
import { lazy, Suspense } from 'react';
import { AppProviders } from './providers';
import { AppRoutes } from './routes';
import { Layout } from './layout';

const VideoJobWatcher = lazy(() => import('./video-job-watcher'));

export function App() {
  return (
    <AppProviders>
      <Layout>
        <AppRoutes />
      </Layout>
      <Suspense fallback={null}>
        <VideoJobWatcher />
      </Suspense>
    </AppProviders>
  );
}
