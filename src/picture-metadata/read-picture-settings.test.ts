import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPictureSettings } from './read-picture-settings';

interface Expected {
  tool: string;
  prompt: string;
  negative_prompt?: string;
  negative_prompt_starts_with?: string;
  seed: string;
  width?: number;
  height?: number;
  model?: string;
  steps?: number;
  cfg_scale?: number;
  sampler?: string;
  denoise?: number;
  strength?: number;
  styles?: string[];
}

const fixtures = path.join(import.meta.dirname, 'fixtures');
const expected = JSON.parse(readFileSync(path.join(fixtures, 'expected.json'), 'utf8')) as { files: Record<string, Expected> };
const SOURCES: Record<string, string> = {
  'automatic1111.png': 'a1111',
  'automatic1111.jpg': 'a1111',
  'comfyui-img2img.png': 'comfyui',
  'fooocus.png': 'fooocus',
  'invokeai-metadata.png': 'invokeai',
  'invokeai-dream.png': 'invokeai-dream',
  'novelai.png': 'novelai',
};

describe('reading the settings of pictures made by other tools', () => {
  it('has a fixture and an expected source for every sample', () => {
    expect(Object.keys(expected.files).sort()).toEqual(Object.keys(SOURCES).sort());
  });

  it.each(Object.entries(expected.files))('%s: prompt, negative prompt, seed and size as the tool wrote them', async (name, want) => {
    const bytes = readFileSync(path.join(fixtures, name));
    const result = await readPictureSettings(new Blob([bytes]));
    if (!result.ok) throw new Error(`${name}: ${result.message}`);
    expect(result.source).toBe(SOURCES[name]);
    const { found } = result;
    expect(found.prompt).toBe(want.prompt);
    if (want.negative_prompt !== undefined) expect(found.negativePrompt).toBe(want.negative_prompt);
    if (want.negative_prompt_starts_with) expect(found.negativePrompt.startsWith(want.negative_prompt_starts_with)).toBe(true);
    expect(found.seed).toBe(want.seed);
    expect(found.width).toBe(want.width);
    expect(found.height).toBe(want.height);
    if (want.model) expect(found.model).toBe(want.model);
    if (want.steps) expect(found.steps).toBe(want.steps);
    if (want.cfg_scale) expect(found.cfgScale).toBe(want.cfg_scale);
    if (want.sampler) expect(found.sampler).toBe(want.sampler);
    if (want.denoise ?? want.strength) expect(found.strength).toBe(want.denoise ?? want.strength);
    if (want.styles) expect(found.styles).toEqual(want.styles);
    // The same bytes as an ArrayBuffer read the same.
    expect(await readPictureSettings(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length))).toEqual(result);
  });
});
