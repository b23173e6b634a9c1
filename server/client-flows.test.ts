/**
 * The public documentation's client flows, in TypeScript, against the engine: generate and
 * download, transform and download, start a video and poll until it is done.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodedSize, testPicture } from './testing/fixtures';
import { readMp4 } from './testing/mp4-info';
import { startTestEngine, type TestEngine } from './testing/test-engine';

let engine: TestEngine;
let downloads: string;
beforeAll(async () => {
  engine = await startTestEngine({ AIART_VIDEO_SECONDS: '0.2' });
  downloads = await mkdtemp(path.join(tmpdir(), 'aiart-downloads-'));
});
afterAll(async () => {
  await engine.dispose();
  await rm(downloads, { recursive: true, force: true });
});

async function saveTo(url: string, name: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`download failed: ${res.status}`);
  const file = path.join(downloads, name);
  await writeFile(file, Buffer.from(await res.arrayBuffer()));
  return file;
}

describe('documented client flows', () => {
  it('generates an image and downloads it', async () => {
    const res = await fetch(`${engine.url}/api/generate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        video_description: 'A futuristic skyline at sunset with flying cars',
        negative_prompt: 'blurry, distorted',
        style_preset: 'cinematic',
        aspect_ratio: '16:9',
        output_format: 'png',
        seed: 0,
      }),
    });
    const data = (await res.json()) as { success: boolean; image_url: string };
    expect(data.success).toBe(true);
    const file = await saveTo(data.image_url, 'generated.png');
    expect(await decodedSize(await readFile(file))).toEqual({ format: 'png', width: 1344, height: 768 });
  });

  it('transforms an image and downloads it', async () => {
    const formData = new FormData();
    formData.append('image', new Blob([await testPicture(800, 800, 'jpeg')], { type: 'image/jpeg' }), 'image.jpg');
    formData.append('prompt', 'Turn this into a watercolor painting');
    formData.append('strength', '0.7');
    formData.append('style_preset', 'fantasy-art');
    formData.append('output_format', 'jpg');
    const res = await fetch(`${engine.url}/api/img2img`, { method: 'POST', body: formData });
    const data = (await res.json()) as { success: boolean; image_url: string; seed: number };
    expect(data.success).toBe(true);
    const file = await saveTo(data.image_url, 'transformed.jpg');
    expect(await decodedSize(await readFile(file))).toEqual({ format: 'jpeg', width: 1024, height: 1024 });
  });

  it('starts a video, polls until it is complete, and downloads it', async () => {
    const formData = new FormData();
    formData.append('image', new Blob([await testPicture(1024, 576, 'png')], { type: 'image/png' }), 'image.png');
    formData.append('seed', '0');
    formData.append('cfg_scale', '1.5');
    formData.append('motion_bucket_id', '127');
    const start = await fetch(`${engine.url}/api/img2video`, { method: 'POST', body: formData });
    const { id } = (await start.json()) as { id: string };
    const cookie = start.headers.get('set-cookie')?.split(';')[0] ?? '';

    let result: { status: string; video_url?: string } | undefined;
    const polls: number[] = [];
    for (let attempt = 0; attempt < 120 && result?.status !== 'complete'; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100));
      const res = await fetch(`${engine.url}/api/img2video/result/${id}`, { headers: { cookie } });
      polls.push(res.status);
      if (res.status === 202) continue;
      if (!res.ok) throw new Error(((await res.json()) as { error: string }).error);
      result = (await res.json()) as typeof result;
    }
    expect(polls[0]).toBe(202);
    expect(result?.status).toBe('complete');
    const file = await saveTo(`${engine.url}${result!.video_url}`, 'video.mp4');
    expect(readMp4(await readFile(file))).toMatchObject({ codec: 'avc1', width: 1024, height: 576 });
  });
});
