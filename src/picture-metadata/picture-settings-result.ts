/**
 * What `readPictureSettings` answers. Every string in it came from a file or quotes one: show it
 * as plain text (React text nodes), never as HTML.
 */
import type { GenerateRequest, ImageToImageFields, ImageToVideoFields } from '../api/contract';
import type { FoundSettings, MetadataSource } from './found-settings';
import type { Container, MetadataProblemReason } from './metadata-text';

/** Request fields a picture can set. */
export type RecipeField = 'prompt' | 'negative_prompt' | 'style_preset' | 'aspect_ratio' | 'output_format' | 'seed' | 'strength' | 'cfg_scale' | 'motion_bucket_id';

export interface PictureSettings {
  ok: true;
  /** Which tool's format the settings were read from. */
  source: MetadataSource;
  /** The same, named for people ("ComfyUI"). */
  sourceName: string;
  container: Container;
  /** What the picture was made as: text to image, image to image, or (a studio video) image to video. */
  kind: 'image' | 'transform' | 'video';
  /**
   * Ready-to-send requests, rebuilt through the contract's schemas: `image` (Create) and
   * `transform` (Transform) for a picture with a prompt, `video` (Animate) for a studio video.
   * `image.video_description` and `transform.prompt` hold the same prompt.
   */
  requests: { image?: GenerateRequest; transform?: ImageToImageFields; video?: ImageToVideoFields };
  /**
   * The fields the picture set; the others hold the contract's defaults, and a form should keep
   * its own values for them. `prompt` stands for `video_description` too.
   */
  fromPicture: RecipeField[];
  /** The settings as the picture states them, before mapping (model, sampler… for display). */
  found: FoundSettings;
  /**
   * Sentences for the notice, in order: what could not be carried over and what was chosen
   * instead (a seed out of range, the nearest aspect ratio, a model the studio does not send),
   * and metadata that was refused.
   */
  notes: string[];
  /** For the studio's own recipe: the gallery item the file is, and the item it was made from. */
  itemId?: string;
  sourceItemId?: string;
}

export type RefusalReason =
  | MetadataProblemReason
  /** Not a PNG, JPEG, WebP or MP4 file. */
  | 'not-a-picture'
  /** The file carries no settings in a format the studio reads. */
  | 'no-settings'
  /** Settings were found but hold no prompt to send. */
  | 'no-prompt'
  /** Something unforeseen went wrong reading the file; the file itself is unaffected. */
  | 'unreadable';

export interface PictureSettingsRefusal {
  ok: false;
  reason: RefusalReason;
  /** One sentence for the notice. */
  message: string;
  /** Everything else that was refused along the way. */
  notes: string[];
}

export type PictureSettingsResult = PictureSettings | PictureSettingsRefusal;
