/**
 * NovelAI: `Software` names NovelAI, `Description` holds the prompt and `Comment` a JSON object
 * with the seed, steps, scale, strength and the negative prompt (`uc`).
 */
import type { FormatReader } from '../found-settings';
import { failed, jsonObject, labelValue, numberValue, seedValue, sizeValue, textValue } from '../settings-values';

export const readNovelAi: FormatReader = (texts) => {
  const comment = texts.get('Comment');
  const byNovelAi = texts.get('Software')?.startsWith('NovelAI') ?? false;
  if (comment === undefined || (!byNovelAi && !comment.includes('"uc"'))) return undefined;
  const json = jsonObject(comment, 'NovelAI settings');
  if (!json.ok) return failed(json.problem);
  const fields = json.value;
  return {
    ok: true,
    source: 'novelai',
    found: {
      prompt: textValue(texts.get('Description')) ?? textValue(fields.prompt) ?? '',
      negativePrompt: textValue(fields.uc) ?? '',
      seed: seedValue(fields.seed),
      ...sizeValue(fields.width, fields.height),
      model: labelValue(texts.get('Source')),
      sampler: labelValue(fields.sampler),
      steps: numberValue(fields.steps, 1, 10_000),
      cfgScale: numberValue(fields.scale, 0, 100),
      strength: numberValue(fields.strength, 0, 1),
    },
  };
};
