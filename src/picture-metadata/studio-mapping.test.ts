import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapFoundSettings } from './studio-mapping';
import { nearestAspectRatio, presetForStyle } from './nearest-choices';
import { readPictureSettings } from './read-picture-settings';

const sample = async (name: string) => {
  const result = await readPictureSettings(new Blob([readFileSync(path.join(import.meta.dirname, 'fixtures', name))]));
  if (!result.ok) throw new Error(result.message);
  return result;
};

describe('mapping other tools\u2019 settings onto the studio', () => {
  it('turns a ComfyUI image-to-image graph into a Transform with its denoise as strength and a random seed', async () => {
    const result = await sample('comfyui-img2img.png');
    expect(result.kind).toBe('transform');
    expect(result.requests.transform).toMatchObject({ prompt: 'photograph of victorian woman with wings, sky clouds, meadow grass', negative_prompt: 'watermark, text', strength: 0.87, seed: 0 });
    expect(result.fromPicture).toEqual(expect.arrayContaining(['prompt', 'negative_prompt', 'strength']));
    expect(result.fromPicture).not.toContain('seed');
    expect(result.notes).toEqual([
      expect.stringMatching(/^The seed 280823642470253 is beyond the studio's range/),
      expect.stringMatching(/^The settings state no size; the picture itself is 1×1/),
      expect.stringMatching(/strength 0.87/),
      'Shown, not sent (the studio\'s backends choose these themselves): model v1-5-pruned-emaonly.ckpt, sampler sample_dpmpp_2m, 20 steps, CFG scale 8.',
    ]);
  });

  it('picks the nearest aspect ratio for a stated size and says so', async () => {
    expect((await sample('automatic1111.png')).requests.image).toMatchObject({ aspect_ratio: '4:3', seed: 235284042, output_format: 'png' });
    expect((await sample('automatic1111.jpg')).requests.image).toMatchObject({ output_format: 'jpg' });
    const fooocus = await sample('fooocus.png');
    expect(fooocus.requests.image?.aspect_ratio).toBe('9:16');
    expect(fooocus.notes).toContain('The picture was made at 768×1,280; the nearest aspect ratio the studio offers is 9:16.');
    expect(fooocus.notes).toContain('The styles Fooocus V2, Fooocus Enhance, Fooocus Sharp are not studio presets: not sent.');
  });

  it.each<[number, number, string, boolean]>([
    [1024, 1024, '1:1', true],
    [1344, 768, '16:9', false],
    [1920, 1080, '16:9', true],
    [512, 400, '4:3', false],
    [400, 512, '3:4', false],
    [3000, 1000, '16:9', false],
    [1, 5000, '9:16', false],
  ])('%i×%i is nearest %s (exact: %s)', (width, height, ratio, exact) => {
    expect(nearestAspectRatio({ width, height })).toEqual({ ratio, exact });
  });

  it('maps Fooocus\u2019s Stability styles onto the presets they are', () => {
    expect(presetForStyle('SAI Anime')).toBe('anime');
    expect(presetForStyle('SAI Neonpunk')).toBe('neon-punk');
    expect(presetForStyle('SAI Lowpoly')).toBe('low-poly');
    expect(presetForStyle('SAI Texture')).toBe('tile-texture');
    expect(presetForStyle('SAI Craft Clay')).toBe('modeling-compound');
    expect(presetForStyle('digital-art')).toBe('digital-art');
    expect(presetForStyle('Fooocus Enhance')).toBeUndefined();
    const mapped = mapFoundSettings('fooocus', { prompt: 'a fox', negativePrompt: '', styles: ['Fooocus V2', 'SAI Anime', 'SAI Origami'] }, 'png');
    expect(mapped).toMatchObject({ ok: true, requests: { image: { style_preset: 'anime' } }, notes: ['The styles Fooocus V2, SAI Origami are not studio presets: not sent.'] });
  });

  it('cuts a prompt longer than the contract allows, and refuses settings without a prompt', () => {
    const long = mapFoundSettings('a1111', { prompt: 'x'.repeat(12_000), negativePrompt: 'y'.repeat(10_001) }, 'png');
    expect(long).toMatchObject({ ok: true, notes: [expect.stringMatching(/prompt is 12,000 characters.*cut/), expect.stringMatching(/negative prompt is 10,001/)] });
    expect(long.ok && long.requests.image?.video_description.length).toBe(10_000);
    expect(mapFoundSettings('novelai', { prompt: '  \n ', negativePrompt: 'bad' }, 'png')).toMatchObject({ ok: false, reason: 'no-prompt' });
  });
});
