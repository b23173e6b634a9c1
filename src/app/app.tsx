/** The studio: providers around the layout and its routes, the run queue in the navigation, and the background work that drives it. */
import { lazy, Suspense } from 'react';
import { AppProviders } from './providers';
import { AppRoutes } from './routes';
import { Layout } from './layout';

const BackgroundWork = lazy(() => import('./background-work'));
const QueueIndicator = lazy(() => import('./queue-indicator'));

export function App() {
  return (
    <AppProviders>
      <Layout
        queue={
          <Suspense fallback={null}>
            <QueueIndicator />
          </Suspense>
        }
      >
        <AppRoutes />
      </Layout>
      <Suspense fallback={null}>
        <BackgroundWork />
      </Suspense>
    </AppProviders>
  );
}
