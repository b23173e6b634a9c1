import { describe, expect, it } from 'vitest';
import { formatParametersText, parseParametersText, settingsPairs } from './parameters-text';

/** AUTOMATIC1111's own pattern for a settings pair, as a reference to check the linear scan against. */
const A1111_PAIR = /\s*(\w[\w \-/]+):\s*("(?:\\.|[^\\"])+"|[^,]*)(?:,|$)/g;
function referencePairs(line: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const [, key, raw] of line.matchAll(A1111_PAIR)) {
    let value = raw;
    if (raw.startsWith('"') && raw.endsWith('"') && raw.length > 1) {
      try {
        value = JSON.parse(raw) as string;
      } catch {
        value = raw;
      }
    }
    pairs.set(key, value.trim());
  }
  return pairs;
}

describe('the parameters text', () => {
  it('reads a prompt over several lines, a negative prompt over several lines, and the settings line', () => {
    const text = 'a red car,\n  on a wet road\nNegative prompt: blurry,\nlow quality\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 42, Size: 512x768, Model: sd_xl';
    const parsed = parseParametersText(text);
    expect(parsed.prompt).toBe('a red car,\non a wet road');
    expect(parsed.negativePrompt).toBe('blurry,\nlow quality');
    expect(Object.fromEntries(parsed.settings)).toEqual({ Steps: '20', Sampler: 'Euler a', 'CFG scale': '7', Seed: '42', Size: '512x768', Model: 'sd_xl' });
  });

  it('takes a last line with fewer than three pairs for part of the prompt, as AUTOMATIC1111 does', () => {
    const parsed = parseParametersText('a portrait\nstyle: oil, light: soft');
    expect(parsed.prompt).toBe('a portrait\nstyle: oil, light: soft');
    expect(parsed.settings.size).toBe(0);
  });

  it('unquotes JSON-quoted values that hold commas, colons and escaped quotes', () => {
    const line = 'Seed: 1, Lora hashes: "detail: 1a2b, light: 3c4d", Aspect ratio: "16:9", Note: "say \\"hi\\", then go", Size: 64x64';
    expect(Object.fromEntries(settingsPairs(line))).toEqual({ Seed: '1', 'Lora hashes': 'detail: 1a2b, light: 3c4d', 'Aspect ratio': '16:9', Note: 'say "hi", then go', Size: '64x64' });
  });

  it.each([
    'Steps: 20, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 2179987202, Size: 768x512, Model hash: 93b79e09ed',
    'Seed: 5, Size: 1344x768, Aspect ratio: "16:9", Style: anime, Denoising strength: 0.7, Generator: AiArt Studio',
    'Template: "a, b: c", Hires upscaler: R-ESRGAN 4x+, Hires upscale: 2, Version: v1.6.0',
    'junk without a colon, Seed: 9, then: more, Size: 1x1',
  ])('agrees with AUTOMATIC1111\u2019s own pattern on %s', (line) => {
    expect(settingsPairs(line)).toEqual(referencePairs(line));
  });

  it('formats what AUTOMATIC1111 parses back to the same values', () => {
    const prompt = 'a quiet lake, at dawn: "misty"\nsecond line';
    const text = formatParametersText(prompt, 'text, watermark', [['Seed', 7], ['Size', '64x36'], ['Aspect ratio', '16:9'], ['Style', 'digital-art']]);
    expect(text.split('\n')).toEqual([
      'a quiet lake, at dawn: "misty"',
      'second line',
      'Negative prompt: text, watermark',
      'Seed: 7, Size: 64x36, Aspect ratio: "16:9", Style: digital-art',
    ]);
    const parsed = parseParametersText(text);
    expect(parsed).toEqual({ prompt, negativePrompt: 'text, watermark', settings: referencePairs(text.split('\n').at(-1)!) });
    expect(parsed.settings.get('Aspect ratio')).toBe('16:9');
  });

  it('splits a hostile megabyte line in linear time', () => {
    const line = `${',a:'.repeat(350_000)}${'b'.repeat(100_000)}`;
    const started = performance.now();
    settingsPairs(line);
    settingsPairs(','.repeat(1_000_000) + ':');
    settingsPairs('"'.repeat(1_000_000));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
