/** The prompts the studio keeps in this browser's history, read from its database inside the page. */
import type { Page } from '@playwright/test';

export function keptPrompts(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('aiart-studio-prompts');
        // Not there yet: leave it for the studio to create, rather than making an empty one.
        open.onupgradeneeded = () => open.transaction!.abort();
        open.onerror = () => (open.error?.name === 'AbortError' ? resolve([]) : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('prompts').objectStore('prompts').getAllKeys();
          request.onsuccess = () => {
            db.close();
            resolve((request.result as string[]).sort());
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}
