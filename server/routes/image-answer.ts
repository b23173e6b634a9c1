/**
 * What the picture routes share: the backend's view of a request, and keeping the picture it
 * returns in the media folder, answered with the contract's image_url.
 */
import type { ServerResponse } from 'node:http';
import type { AspectRatio, MediaFolder, OutputFormat, StylePreset } from '../../src/api/contract';
import type { BackendImage, ImageJob } from '../backends/backend';
import { receiveImage } from '../backends/received-image';
import type { ModelChoice } from '../backends/registry';
import { type EngineContext, resolveSeed } from '../engine-context';
import { sendJson } from '../http/respond';

interface PictureFields {
  negative_prompt: string;
  style_preset?: StylePreset;
  aspect_ratio: AspectRatio;
  output_format: OutputFormat;
  seed: number;
}

export const imageJob = (choice: ModelChoice, prompt: string, fields: PictureFields): ImageJob => ({
  model: choice.model,
  prompt,
  negativePrompt: fields.negative_prompt,
  stylePreset: fields.style_preset,
  aspectRatio: fields.aspect_ratio,
  outputFormat: fields.output_format,
  seed: resolveSeed(fields.seed),
});

export interface ImageOutcome {
  folder: MediaFolder;
  /** Start of the stored file's name, e.g. "generated". */
  prefix: string;
  choice: ModelChoice;
  image: BackendImage;
  format: OutputFormat;
  message: string;
}

export async function answerImage(res: ServerResponse, ctx: EngineContext, origin: string, outcome: ImageOutcome): Promise<void> {
  const { folder, choice, image } = outcome;
  const received = await receiveImage(image.bytes, outcome.format, choice.backend.label);
  const prefix = image.seed === undefined ? outcome.prefix : `${outcome.prefix}_${image.seed}`;
  const name = await ctx.media.save(folder, prefix, received.extension, received.bytes);
  sendJson(res, 200, {
    success: true,
    message: outcome.message,
    image_url: `${origin}/${folder}/${name}`,
    ...(image.seed === undefined ? {} : { seed: image.seed }),
    folder,
    filename: name,
    model: choice.id,
    width: received.width,
    height: received.height,
  });
}
