import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { resolveVideoUrl } from './video-result';

const BASE = 'http://backend.test';

describe('resolveVideoUrl', () => {
  it('resolves the relative video_url against the backend, or this origin', () => {
    expect(resolveVideoUrl(BASE, '/processed_videos/a.mp4')).toBe(`${BASE}/processed_videos/a.mp4`);
    expect(resolveVideoUrl('', '/processed_videos/a.mp4', 'http://studio.test')).toBe('http://studio.test/processed_videos/a.mp4');
  });

  it('refuses addresses that are not http(s)', () => {
    expect(() => resolveVideoUrl(BASE, 'javascript:alert(1)')).toThrow(ApiError);
    expect(() => resolveVideoUrl(BASE, 'data:video/mp4;base64,AAAA')).toThrow(/not an http\(s\) URL/);
  });
});
