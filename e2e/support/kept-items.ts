/** What the studio keeps in this browser, read from its gallery database inside the page. */
import type { Page } from '@playwright/test';

export interface KeptItem {
  id: string;
  status: string;
  prompt?: string;
  mediaStored: boolean;
  hasMedia: boolean;
}

export function keptItems(page: Page): Promise<KeptItem[]> {
  return page.evaluate(
    () =>
      new Promise<KeptItem[]>((resolve, reject) => {
        const open = indexedDB.open('aiart-studio');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['items', 'media']);
          const items = tx.objectStore('items').getAll();
          const media = tx.objectStore('media').getAllKeys();
          tx.oncomplete = () => {
            const withMedia = new Set(media.result as string[]);
            resolve(
              (items.result as Array<{ id: string; status: string; mediaStored: boolean; request?: { video_description?: string; prompt?: string } }>).map((item) => ({
                id: item.id,
                status: item.status,
                prompt: item.request?.video_description ?? item.request?.prompt,
                mediaStored: item.mediaStored,
                hasMedia: withMedia.has(item.id),
              })),
            );
            open.result.close();
          };
        };
      }),
  );
}

/** Resolves once every item is ready with its media kept in the browser. */
export async function allKept(page: Page): Promise<string> {
  const items = await keptItems(page);
  return items.map((item) => `${item.status}:${item.hasMedia ? 'kept' : 'not-kept'}`).sort().join(' ');
}

/** SHA-256 of every media file the gallery keeps, as hex. */
export function keptMediaDigests(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const blobs = await new Promise<Blob[]>((resolve, reject) => {
      const open = indexedDB.open('aiart-studio');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const request = open.result.transaction('media').objectStore('media').getAll();
        request.onsuccess = () => {
          resolve(request.result as Blob[]);
          open.result.close();
        };
      };
    });
    return Promise.all(
      blobs.map(async (blob) => Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())), (byte) => byte.toString(16).padStart(2, '0')).join('')),
    );
  });
}
