/** "Use its settings" on Transform: a picture's prompts, style, ratio, format, seed and strength as the form's values. */
import type { PictureSettings } from '../../picture-metadata/picture-settings-result';
import { recalledPictureValues } from '../../widgets/settings-recall/recalled-values';
import type { TransformFormValues } from './transform-form-store';

/** The form values, or undefined for settings Transform cannot use (a video's). */
export function recalledTransformValues(settings: PictureSettings, current: TransformFormValues): Partial<TransformFormValues> | undefined {
  const request = settings.requests.transform;
  if (!request) return undefined;
  const values: Partial<TransformFormValues> = recalledPictureValues(settings, request, current);
  if (settings.fromPicture.includes('strength')) values.strength = request.strength;
  return values;
}
