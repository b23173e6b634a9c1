import '../../test/fake-indexeddb';
import { openDB } from 'idb';
import { expect, it } from 'vitest';
import { KEPT_SOURCES_DB_NAME, keepSource, readKeptSource } from './kept-source';

const picture = () => new Blob([new Uint8Array([1, 2, 3, 4])], { type: 'image/png' });

it('keeps a page’s picture with its name and gallery item, and forgets it', async () => {
  await keepSource('transform', { file: picture(), name: 'harbour.png', galleryId: 'item-1' });
  const kept = await readKeptSource('transform');
  expect(kept).toMatchObject({ name: 'harbour.png', galleryId: 'item-1' });
  expect(kept?.file.size).toBe(4);
  expect(kept?.file.type).toBe('image/png');
  expect(await readKeptSource('animate')).toBeUndefined();

  await keepSource('transform', undefined);
  expect(await readKeptSource('transform')).toBeUndefined();
});

it('ignores a stored record that is not shaped like a kept picture', async () => {
  await keepSource('animate', { file: picture(), name: 'ok.png' });
  const db = await openDB(KEPT_SOURCES_DB_NAME, 1);
  await db.put('sources', { file: 'not a blob', name: 'x.png' }, 'animate');
  await db.put('sources', { file: picture(), name: 'x'.repeat(300) }, 'transform');
  db.close();
  expect(await readKeptSource('animate')).toBeUndefined();
  expect(await readKeptSource('transform')).toBeUndefined();
});
