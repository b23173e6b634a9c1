/** The studio: providers around the layout and its routes, and the background work (video jobs, unfinished media downloads). */
import { lazy, Suspense } from 'react';
import { AppProviders } from './providers';
import { AppRoutes } from './routes';
import { Layout } from './layout';

const BackgroundWork = lazy(() => import('./background-work'));

export function App() {
  return (
    <AppProviders>
      <Layout>
        <AppRoutes />
      </Layout>
      <Suspense fallback={null}>
        <BackgroundWork />
      </Suspense>
    </AppProviders>
  );
}
