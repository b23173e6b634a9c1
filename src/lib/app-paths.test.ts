import { expect, it } from 'vitest';
import { isAppPath, sourceItemOf, withSourceItem } from './app-paths';

it('knows the studio page paths, and nothing under the API or media folders', () => {
  for (const path of ['/', '/create', '/transform', '/animate', '/gallery', '/gallery/item-1', '/settings', '/share']) {
    expect(isAppPath(path)).toBe(true);
  }
  for (const path of ['/api/generate', '/images/a.png', '/processed_videos/v.mp4', '/settings/x', '/favicon.svg', '/assets/index.js', '/nope']) {
    expect(isAppPath(path)).toBe(false);
  }
});

it('round-trips a source item through the address, and ignores what is not one', () => {
  expect(sourceItemOf(new URL(withSourceItem('/animate', 'a b&c'), 'http://x').search)).toBe('a b&c');
  expect(sourceItemOf('?other=1')).toBeUndefined();
  expect(sourceItemOf(`?from=${'x'.repeat(201)}`)).toBeUndefined();
});
