/** Fooocus: JSON in the `parameters` text (PNG chunk or EXIF UserComment), with its scheme named. */
import type { FormatReader } from '../found-settings';
import { failed, jsonObject, labelValue, numberValue, seedValue, sizeValue, textValue } from '../settings-values';

/** Fooocus writes its styles and resolution as Python reprs: "['Fooocus V2', 'Fooocus Sharp']", "(768, 1280)". */
function pythonStrings(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((entry) => labelValue(entry) ?? []);
  if (typeof value !== 'string') return [];
  return [...value.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].flatMap((match) => labelValue(match[1] ?? match[2]) ?? []).slice(0, 50);
}

function resolution(value: unknown) {
  if (Array.isArray(value)) return sizeValue(value[0], value[1]);
  const match = typeof value === 'string' ? /^\s*\(\s*(\d{1,6})\s*,\s*(\d{1,6})\s*\)\s*$/.exec(value) : null;
  return match ? sizeValue(Number(match[1]), Number(match[2])) : {};
}

export const readFooocus: FormatReader = (texts) => {
  const text = texts.get('parameters');
  if (text === undefined || !text.trimStart().startsWith('{')) return undefined;
  const json = jsonObject(text, 'Fooocus settings');
  if (!json.ok) return failed(json.problem);
  const fields = json.value;
  const isFooocus = fields.metadata_scheme === 'fooocus' || texts.get('fooocus_scheme') === 'fooocus' || String(fields.version ?? '').startsWith('Fooocus');
  if (!isFooocus || typeof fields.prompt !== 'string') return undefined;
  return {
    ok: true,
    source: 'fooocus',
    found: {
      prompt: textValue(fields.prompt) ?? '',
      negativePrompt: textValue(fields.negative_prompt) ?? '',
      seed: seedValue(fields.seed),
      ...resolution(fields.resolution),
      model: labelValue(fields.base_model),
      sampler: labelValue(fields.sampler),
      steps: numberValue(fields.steps, 1, 10_000),
      cfgScale: numberValue(fields.guidance_scale, 0, 100),
      styles: pythonStrings(fields.styles),
    },
  };
};
