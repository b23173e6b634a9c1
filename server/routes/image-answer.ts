/** Keeps a backend's picture in the media folder and answers with the contract's image_url. */
import type { ServerResponse } from 'node:http';
import type { MediaFolder, OutputFormat } from '../../src/api/contract';
import type { BackendImage } from '../backends/backend';
import { receiveImage } from '../backends/received-image';
import type { ModelChoice } from '../backends/registry';
import type { EngineContext } from '../engine-context';
import { sendJson } from '../http/respond';

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
