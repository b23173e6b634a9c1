import { expect, it } from 'vitest';
import { isAppPath, pictureParam, pictureRefOf, withSourceItem } from './app-paths';

it('knows the studio page paths, and nothing under the API or media folders', () => {
  for (const path of ['/', '/create', '/transform', '/animate', '/gallery', '/gallery/item-1', '/settings', '/share']) {
    expect(isAppPath(path)).toBe(true);
  }
  for (const path of ['/api/generate', '/images/a.png', '/processed_videos/v.mp4', '/settings/x', '/favicon.svg', '/assets/index.js', '/nope']) {
    expect(isAppPath(path)).toBe(false);
  }
});

it('round-trips a picture reference through the address, and ignores what is not one', () => {
  expect(pictureRefOf(new URL(withSourceItem('/animate', 'a b&c'), 'http://x').search)).toEqual({ itemId: 'a b&c', use: 'item' });
  expect(pictureRefOf(`?prompt=x&${pictureParam({ itemId: 'item 2', use: 'source' })}`)).toEqual({ itemId: 'item 2', use: 'source' });
  expect(pictureRefOf('?other=1')).toBeUndefined();
  expect(pictureRefOf(`?from=${'x'.repeat(201)}`)).toBeUndefined();
  expect(pictureRefOf(`?source-of=`)).toBeUndefined();
});
