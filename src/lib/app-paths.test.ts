import { expect, it } from 'vitest';
import { isAppPath } from './app-paths';

it('knows the studio page paths, and nothing under the API or media folders', () => {
  for (const path of ['/', '/create', '/transform', '/animate', '/gallery', '/gallery/item-1', '/settings', '/share']) {
    expect(isAppPath(path)).toBe(true);
  }
  for (const path of ['/api/generate', '/images/a.png', '/processed_videos/v.mp4', '/settings/x', '/favicon.svg', '/assets/index.js', '/nope']) {
    expect(isAppPath(path)).toBe(false);
  }
});
