/** The engine's videos play in Chromium: an image made by the engine, animated, played inline. */
import { expect, test } from './fixtures';

test('a generated video job ends in an MP4 that Chromium plays', async ({ page, request }) => {
  const generated = await request.post('/api/generate', { data: { video_description: 'harbour at dawn', aspect_ratio: '16:9', seed: 3 } });
  const { image_url } = (await generated.json()) as { image_url: string };
  const still = await (await request.get(image_url)).body();
  const start = await request.post('/api/img2video', {
    multipart: { image: { name: 'still.png', mimeType: 'image/png', buffer: still }, motion_bucket_id: '200', seed: '9' },
  });
  expect(start.status()).toBe(200);
  const { id } = (await start.json()) as { id: string };
  let videoUrl = '';
  await expect
    .poll(async () => {
      const res = await request.get(`/api/img2video/result/${id}`);
      if (res.status() === 200) videoUrl = ((await res.json()) as { video_url: string }).video_url;
      return res.status();
    }, { intervals: [100] })
    .toBe(200);

  await page.goto('/settings');
  const playback = await page.evaluate(async (src) => {
    const video = document.createElement('video');
    video.muted = true;
    video.src = src;
    document.body.append(video);
    await video.play();
    await new Promise<void>((resolve) => {
      const check = () => (video.currentTime > 0.5 ? resolve() : requestAnimationFrame(check));
      check();
    });
    return { readyState: video.readyState, width: video.videoWidth, height: video.videoHeight, duration: video.duration, currentTime: video.currentTime };
  }, videoUrl);
  expect(playback).toMatchObject({ readyState: 4, width: 1024, height: 576 });
  expect(playback.duration).toBeCloseTo(3, 0);
  expect(playback.currentTime).toBeGreaterThan(0.5);
});
