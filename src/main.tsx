/** Entry: mounts the studio. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { preloadPage } from './app/routes';
import { galleryStore } from './gallery-store/use-gallery';
import './index.css';

// The gallery starts reading IndexedDB while the page the studio opens on is fetched.
void galleryStore.getState().load();
void preloadPage(window.location.pathname).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
