/**
 * Fills the studio's gallery database in the page with `count` items, in batched transactions:
 * varied prompts, styles and ratios, a few hundred distinct thumbnails, small media Blobs.
 * Runs inside the browser (page.evaluate); it must not close over anything.
 */
export async function seedGallery(count: number): Promise<number> {
  const started = performance.now();
  const styles = ['anime', 'line-art', 'pixel-art', 'neon-punk', 'cinematic', undefined];
  const ratios = ['1:1', '16:9', '9:16', '4:3', '3:4'];
  const words = ['harbour', 'forest', 'city', 'desert', 'glacier', 'lighthouse', 'meadow', 'canyon', 'reef', 'temple'];
  const thumbs: Blob[] = [];
  for (let i = 0; i < 200; i++) {
    const canvas = new OffscreenCanvas(320, 320);
    const g = canvas.getContext('2d')!;
    g.fillStyle = `hsl(${(i * 37) % 360} 60% 45%)`;
    g.fillRect(0, 0, 320, 320);
    g.fillStyle = `hsl(${(i * 91) % 360} 70% 70%)`;
    g.beginPath();
    g.arc(80 + (i % 7) * 25, 100 + (i % 5) * 30, 40 + (i % 3) * 15, 0, Math.PI * 2);
    g.fill();
    thumbs.push(await canvas.convertToBlob({ type: 'image/webp', quality: 0.78 }));
  }
  const media = new Blob([new Uint8Array(2048)], { type: 'image/png' });
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('aiart-studio');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const now = Date.now();
  const batch = 1000;
  for (let start = 0; start < count; start += batch) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['items', 'media', 'thumbs'], 'readwrite');
      for (let i = start; i < Math.min(count, start + batch); i++) {
        const id = `seed-${i}`;
        const prompt = `${words[i % words.length]} at dusk number ${i}`;
        tx.objectStore('items').put({
          id,
          kind: 'image',
          status: 'ready',
          backend: '',
          seed: i + 1,
          remoteUrl: `http://127.0.0.1:9/images/${id}.png`,
          mediaType: 'image/png',
          width: 1024,
          height: 1024,
          bytes: media.size,
          createdAt: now - i * 1000,
          favourite: i % 50 === 0,
          mediaStored: true,
          request: { video_description: prompt, negative_prompt: '', style_preset: styles[i % styles.length], aspect_ratio: ratios[i % ratios.length], output_format: 'png', seed: i + 1 },
        });
        tx.objectStore('media').put(media, id);
        tx.objectStore('thumbs').put(thumbs[i % thumbs.length], id);
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  db.close();
  localStorage.setItem('aiart.gallery.count', String(count));
  return performance.now() - started;
}

/** Milliseconds from navigation start until every cell on screen shows its painted thumbnail. */
export function firstScreenPainted(): Promise<number> {
  return new Promise((resolve) => {
    const check = () => {
      const list = document.querySelector('[aria-label="Saved results"]');
      const cells = list ? [...list.querySelectorAll('li')].filter((li) => li.getBoundingClientRect().top < window.innerHeight) : [];
      const painted = cells.filter((li) => {
        const img = li.querySelector('img');
        return img?.complete && img.naturalWidth > 0 && img.src.startsWith('blob:');
      });
      if (cells.length > 0 && painted.length === cells.length) {
        requestAnimationFrame(() => resolve(performance.now()));
        return;
      }
      requestAnimationFrame(check);
    };
    check();
  });
}

/** Scrolls the gallery from top to bottom a step each frame; returns frame times and peak cells. */
export function scrollThrough(stepPx: number): Promise<{ frames: number[]; maxCells: number }> {
  const scroller = document.querySelector('[aria-label="Saved results"]')!.parentElement!;
  return new Promise((resolve) => {
    const frames: number[] = [];
    let maxCells = 0;
    let last = performance.now();
    const step = (now: number) => {
      frames.push(now - last);
      last = now;
      maxCells = Math.max(maxCells, scroller.querySelectorAll('li').length);
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) {
        resolve({ frames: frames.slice(1), maxCells });
        return;
      }
      scroller.scrollTop += stepPx;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

/**
 * Arms a timer for the next key pressed in the page: it resolves with the milliseconds from that
 * key to the first frame after the gallery's results changed. Await it as `window.__searchTiming`.
 */
export function armSearchTiming(): void {
  const timing = new Promise<number>((resolve) => {
    let pressed = 0;
    window.addEventListener('keydown', () => (pressed = performance.now()), { once: true, capture: true });
    const observer = new MutationObserver(() => {
      if (!pressed) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - pressed));
    });
    observer.observe(document.querySelector('main')!, { childList: true, subtree: true, characterData: true });
  });
  (window as unknown as { __searchTiming: Promise<number> }).__searchTiming = timing;
}
