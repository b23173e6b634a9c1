/** The studio: providers around the layout and its routes. */
import { AppProviders } from './providers';
import { AppRoutes } from './routes';
import { Layout } from './layout';

export function App() {
  return (
    <AppProviders>
      <Layout>
        <AppRoutes />
      </Layout>
    </AppProviders>
  );
}
