/**
 * The shared gallery in the address's fragment: read once, then cleared from the address bar
 * (kept for this tab only, so a reload still shows it). Never throws into React.
 */
import { useEffect, useState } from 'react';
import { decodeShare, isShareFragment, type SharedGallery, ShareLinkError } from '../../lib/share-link';
import { STORAGE_KEYS } from '../../lib/storage-keys';

const SESSION_KEY = STORAGE_KEYS.sharedFragment;

export type SharedGalleryState = { status: 'reading' } | { status: 'ready'; gallery: SharedGallery } | { status: 'failed'; message: string };

function takeFragment(): string | undefined {
  const { hash, pathname } = window.location;
  if (isShareFragment(hash)) {
    try {
      sessionStorage.setItem(SESSION_KEY, hash);
    } catch {
      // Without sessionStorage a reload cannot show the gallery again; the first view still works.
    }
    window.history.replaceState(null, '', pathname);
    return hash;
  }
  try {
    return sessionStorage.getItem(SESSION_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Counts links pasted into the address bar while the page is open. */
function useHashChanges(): number {
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    const changed = () => setChanges((n) => n + 1);
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return changes;
}

export function useSharedGallery(): SharedGalleryState {
  const [state, setState] = useState<SharedGalleryState>({ status: 'reading' });
  const hashChanges = useHashChanges();
  useEffect(() => {
    setState({ status: 'reading' });
    const fragment = takeFragment();
    if (!fragment) {
      setState({ status: 'failed', message: 'This address holds no shared gallery. Ask for the link again: everything after its # is needed.' });
      return;
    }
    let live = true;
    decodeShare(fragment).then(
      (gallery) => live && setState({ status: 'ready', gallery }),
      (error: unknown) =>
        live && setState({ status: 'failed', message: error instanceof ShareLinkError ? error.message : 'The link could not be read.' }),
    );
    return () => {
      live = false;
    };
  }, [hashChanges]);
  return state;
}
