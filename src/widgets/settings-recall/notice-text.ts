/** The words of a settings notice: a text from a file cut to a readable length, and a one-line summary. */
import type { PictureSettings, RecipeField } from '../../picture-metadata/picture-settings-result';

/** `text` on one line, at most `max` characters, with an ellipsis when cut. */
export function shortened(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/** What the settings set besides the prompts: "Seed 42 · 16:9 · anime · strength 0.87". */
export function settingsSummary(settings: PictureSettings): string {
  const has = (field: RecipeField) => settings.fromPicture.includes(field);
  const { video, transform, image } = settings.requests;
  const parts: string[] = [];
  if (video) {
    if (has('motion_bucket_id')) parts.push(`motion ${video.motion_bucket_id}`);
    if (has('cfg_scale')) parts.push(`CFG scale ${video.cfg_scale}`);
    if (has('seed') && video.seed) parts.push(`seed ${video.seed}`);
  } else if (transform ?? image) {
    const request = (transform ?? image)!;
    if (has('seed') && request.seed) parts.push(`seed ${request.seed}`);
    if (has('aspect_ratio')) parts.push(request.aspect_ratio);
    if (has('style_preset') && request.style_preset) parts.push(request.style_preset);
    if (has('strength') && transform) parts.push(`strength ${transform.strength}`);
  }
  const line = parts.join(' · ');
  return line && line[0].toUpperCase() + line.slice(1);
}
