/** AUTOMATIC1111 and Forge: the `parameters` text (a PNG chunk, or EXIF UserComment in JPEG and WebP). */
import { ASPECT_RATIOS, type AspectRatio } from '../../api/contract';
import type { FormatReader } from '../found-settings';
import { parseParametersText } from '../parameters-text';
import { labelValue, numberValue, seedValue, sizeText, textValue } from '../settings-values';

export const readAutomatic1111: FormatReader = (texts) => {
  const text = texts.get('parameters');
  if (text === undefined || text.trimStart().startsWith('{')) return undefined;
  const { prompt, negativePrompt, settings } = parseParametersText(text);
  if (!prompt && settings.size === 0) return undefined;
  // A txt2img run with the hires pass also states a denoising strength: that one is not image to image.
  const ratio = settings.get('Aspect ratio');
  const strength = settings.has('Hires upscale') || settings.has('Hires upscaler') ? undefined : numberValue(settings.get('Denoising strength'), 0, 1);
  return {
    ok: true,
    source: 'a1111',
    found: {
      prompt: textValue(prompt) ?? '',
      negativePrompt: textValue(negativePrompt) ?? '',
      seed: seedValue(settings.get('Seed')),
      ...sizeText(settings.get('Size')),
      aspectRatio: ASPECT_RATIOS.includes(ratio as AspectRatio) ? (ratio as AspectRatio) : undefined,
      model: labelValue(settings.get('Model')),
      sampler: labelValue(settings.get('Sampler')),
      steps: numberValue(settings.get('Steps'), 1, 10_000),
      cfgScale: numberValue(settings.get('CFG scale'), 0, 100),
      strength,
      styles: labelValue(settings.get('Style'))?.split(/\s*,\s*/),
      fromPicture: strength !== undefined,
    },
  };
};
