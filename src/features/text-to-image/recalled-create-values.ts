/** "Use its settings" on Create: a picture's prompt, negative prompt, style, ratio, format and seed as the form's values. */
import type { PictureSettings } from '../../picture-metadata/picture-settings-result';
import { recalledPictureValues } from '../../widgets/settings-recall/recalled-values';
import type { CreateFormValues } from './create-form-store';

/** The form values, or undefined for settings Create cannot use (a video's). */
export function recalledCreateValues(settings: PictureSettings, current: CreateFormValues): Partial<CreateFormValues> | undefined {
  const request = settings.requests.image;
  return request && recalledPictureValues(settings, request, current);
}
