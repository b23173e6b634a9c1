/** Load on loopback: 16 concurrent text-to-image requests and 4 concurrent video jobs. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASPECT_RATIOS } from '../src/api/contract';
import { form, pollVideo, postForm, postJson, testPicture } from './testing/fixtures';
import { spawnEngine } from './testing/spawn-engine';

/** Peak resident memory of a process so far, from Linux's /proc. */
async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmHWM:\s+(\d+) kB/)![1]) / 1024;
}

describe('load', () => {
  it('serves 16 images and 4 videos at once without errors, in bounded memory', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'aiart-load-'));
    const { url, process: child, exited } = await spawnEngine({ AIART_DATA_DIR: dataDir, AIART_VIDEO_SECONDS: '0' });
    try {
      const picture = await testPicture(1280, 720, 'jpeg');
      const images = Array.from({ length: 16 }, (_, i) =>
        postJson(`${url}/api/generate`, { video_description: `load ${i}`, aspect_ratio: ASPECT_RATIOS[i % 5], seed: i + 1 }),
      );
      const videos = Array.from({ length: 4 }, (_, i) =>
        postForm(`${url}/api/img2video`, form({ seed: String(i + 1) }, { bytes: picture, name: 'a.jpg' })),
      );
      const imageStatuses = (await Promise.all(images)).map((res) => res.status);
      const starts = await Promise.all(videos);
      expect(imageStatuses).toEqual(Array(16).fill(200));
      expect(starts.map((res) => res.status)).toEqual(Array(4).fill(200));
      const ids = await Promise.all(starts.map(async (res) => ((await res.json()) as { id: string }).id));
      const results = await Promise.all(ids.map((id) => pollVideo(url, id)));
      expect(results.map((r) => r.body.status)).toEqual(Array(4).fill('complete'));
      expect(await peakRssMb(child.pid!)).toBeLessThan(600);
    } finally {
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
