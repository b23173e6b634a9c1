/**
 * "Use its settings" on Animate: motion, CFG scale and seed, which only a studio video states.
 * A still's settings make pictures, not videos: Animate leaves them to Create.
 */
import type { PictureSettings } from '../../picture-metadata/picture-settings-result';
import { recalledSeed } from '../../widgets/settings-recall/recalled-values';
import type { AnimateFormValues } from './animate-form-store';

export function recalledAnimateValues(settings: PictureSettings, current: AnimateFormValues): Partial<AnimateFormValues> | undefined {
  const request = settings.requests.video;
  if (!request) return undefined;
  const values: Partial<AnimateFormValues> = {};
  if (settings.fromPicture.includes('motion_bucket_id')) values.motion = request.motion_bucket_id;
  if (settings.fromPicture.includes('cfg_scale')) values.cfgScale = request.cfg_scale;
  const seed = recalledSeed(settings, request.seed, current.seed);
  if (seed) values.seed = seed;
  // CFG scale and the seed sit in the folded options: open them when they changed.
  if (!current.showAdvanced && (values.cfgScale !== undefined || seed?.locked)) values.showAdvanced = true;
  return values;
}
