import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { GalleryItem } from '../gallery-store/gallery-item';
import { watchFinishedWhileHidden } from './finished-while-hidden';
import { queuedRun } from './testing/memory-gallery';

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

afterEach(() => {
  setVisibility('visible');
  vi.unstubAllGlobals();
});

describe('work finished while the tab is hidden', () => {
  it('counts in the title and notifies, then resets when the tab is seen', () => {
    document.title = 'AiArt';
    const shown: Array<{ title: string; body?: string }> = [];
    vi.stubGlobal(
      'Notification',
      Object.assign(
        class {
          constructor(title: string, options?: NotificationOptions) {
            shown.push({ title, body: options?.body });
          }
          close() {}
        },
        { permission: 'granted' },
      ),
    );
    const gallery = createStore<{ items: GalleryItem[] }>()(() => ({ items: [queuedRun('a', 1, { status: 'running' }), queuedRun('b', 2), queuedRun('c', 3, { status: 'ready' })] }));
    const stop = watchFinishedWhileHidden({ gallery, shouldNotify: () => true });
    setVisibility('hidden');
    gallery.setState({ items: gallery.getState().items.map((item) => (item.id === 'a' ? { ...item, status: 'ready' } : item)) });
    expect(document.title).toBe('(1) AiArt');
    gallery.setState({ items: gallery.getState().items.map((item) => (item.id === 'b' ? { ...item, status: 'failed' } : item)) });
    expect(document.title).toBe('(2) AiArt');
    expect(shown).toEqual([
      { title: 'AiArt', body: 'A result is ready.' },
      { title: 'AiArt', body: '2 runs finished.' },
    ]);
    setVisibility('visible');
    expect(document.title).toBe('AiArt');
    stop();
  });

  it('leaves the title alone for work that finishes while the tab is visible', () => {
    document.title = 'AiArt';
    const gallery = createStore<{ items: GalleryItem[] }>()(() => ({ items: [queuedRun('a', 1, { status: 'running' })] }));
    const stop = watchFinishedWhileHidden({ gallery, shouldNotify: () => false });
    gallery.setState({ items: [{ ...gallery.getState().items[0], status: 'ready' }] });
    expect(document.title).toBe('AiArt');
    stop();
  });
});
