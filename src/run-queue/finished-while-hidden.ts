/**
 * Work that finishes while the tab is hidden is counted in the title ("(3) AiArt") until the tab
 * is seen again, and, when the creator turned notifications on, announced by the system.
 */
import type { StoreApi } from 'zustand/vanilla';
import { type GalleryItem, isActive } from '../gallery-store/gallery-item';

export interface FinishedWhileHiddenOptions {
  gallery: Pick<StoreApi<{ items: GalleryItem[] }>, 'subscribe'>;
  /** True when this tab should raise system notifications (it leads, and they are on). */
  shouldNotify(): boolean;
}

export function watchFinishedWhileHidden({ gallery, shouldNotify }: FinishedWhileHiddenOptions): () => void {
  const baseTitle = document.title;
  let finished = 0;
  let notification: Notification | undefined;

  const unsubscribe = gallery.subscribe((state, previous) => {
    if (document.visibilityState !== 'hidden' || state.items === previous.items) return;
    const before = new Map(previous.items.filter(isActive).map((item) => [item.id, item]));
    if (before.size === 0) return;
    const done = state.items.filter((item) => before.has(item.id) && !isActive(item));
    if (done.length === 0) return;
    finished += done.length;
    document.title = `(${finished}) ${baseTitle}`;
    if (shouldNotify() && typeof Notification === 'function' && Notification.permission === 'granted') {
      notification?.close();
      const ready = done.filter((item) => item.status === 'ready').length;
      notification = new Notification(baseTitle, {
        body: finished === 1 ? (ready ? 'A result is ready.' : 'A run ended without a result.') : `${finished} runs finished.`,
        tag: 'aiart-finished',
      });
    }
  });

  const onVisible = () => {
    if (document.visibilityState !== 'visible') return;
    finished = 0;
    document.title = baseTitle;
    notification?.close();
  };
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    unsubscribe();
    document.removeEventListener('visibilitychange', onVisible);
  };
}
