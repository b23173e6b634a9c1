/**
 * The settings a picture states, as each format reader finds them: checked for type and bounded
 * in size, but not yet mapped onto what the studio can send.
 */
import type { AspectRatio } from '../api/contract';
import type { MetadataProblem } from './metadata-text';
import type { StudioRecipe } from './studio-recipe';

export type MetadataSource = 'studio' | 'a1111' | 'comfyui' | 'fooocus' | 'invokeai' | 'invokeai-dream' | 'novelai';

/** Names for people, for notices. */
export const SOURCE_NAMES: Record<MetadataSource, string> = {
  studio: 'AiArt Studio',
  a1111: 'AUTOMATIC1111 / Forge',
  comfyui: 'ComfyUI',
  fooocus: 'Fooocus',
  invokeai: 'InvokeAI',
  'invokeai-dream': 'InvokeAI (dream)',
  novelai: 'NovelAI',
};

export interface FoundSettings {
  prompt: string;
  negativePrompt: string;
  /** A whole number as decimal text, of any size (other tools allow up to 2^64; -1 means random). */
  seed?: string;
  width?: number;
  height?: number;
  /** An aspect ratio the settings name outright (the studio's own parameters do). */
  aspectRatio?: AspectRatio;
  model?: string;
  sampler?: string;
  steps?: number;
  cfgScale?: number;
  /** How far an image-to-image run moved from its source, 0 to 1 (denoise). */
  strength?: number;
  /** Style names the other tool applied. */
  styles?: string[];
  /** True when the picture was made from another picture (image to image). */
  fromPicture?: boolean;
}

export type ForeignSource = Exclude<MetadataSource, 'studio'>;

/** What one format reader made of a file's texts. */
export type FormatReading =
  | { ok: true; source: ForeignSource; found: FoundSettings }
  | { ok: true; source: 'studio'; recipe: StudioRecipe }
  | { ok: false; problem: MetadataProblem };

/** A file's texts by name; the first text of a name wins. */
export type TextMap = ReadonlyMap<string, string>;

/** A format reader: undefined when the texts are not in its format. */
export type FormatReader = (texts: TextMap) => FormatReading | undefined;
