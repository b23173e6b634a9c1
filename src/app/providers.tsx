/** App-wide providers: one QueryClient for the API layer; the gallery starts loading at once. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { galleryStore } from '../gallery-store/use-gallery';

export function AppProviders({ children }: { children: ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } }));
  useEffect(() => {
    void galleryStore.getState().load();
  }, []);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
