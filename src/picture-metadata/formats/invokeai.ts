/** InvokeAI 3 and later: JSON in the `invokeai_metadata` text. */
import type { FormatReader } from '../found-settings';
import { asObject } from '../safe-json';
import { failed, jsonObject, labelValue, numberValue, seedValue, sizeValue, textValue } from '../settings-values';

export const readInvokeAi: FormatReader = (texts) => {
  const text = texts.get('invokeai_metadata');
  if (text === undefined) return undefined;
  const json = jsonObject(text, 'InvokeAI settings');
  if (!json.ok) return failed(json.problem);
  const fields = json.value;
  const model = asObject(fields.model);
  const fromPicture = typeof fields.generation_mode === 'string' && fields.generation_mode.includes('img2img');
  return {
    ok: true,
    source: 'invokeai',
    found: {
      prompt: textValue(fields.positive_prompt) ?? '',
      negativePrompt: textValue(fields.negative_prompt) ?? '',
      seed: seedValue(fields.seed),
      ...sizeValue(fields.width, fields.height),
      model: labelValue(model.model_name ?? model.name),
      sampler: labelValue(fields.scheduler),
      steps: numberValue(fields.steps, 1, 10_000),
      cfgScale: numberValue(fields.cfg_scale, 0, 100),
      strength: fromPicture ? numberValue(fields.strength, 0, 1) : undefined,
      fromPicture,
    },
  };
};
