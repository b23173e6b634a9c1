/** What a text-to-image or image-to-image answer means for the studio: a picture, or a failure. */
import { type ImageResponse, PLACEHOLDER_FOLDER } from './contract';
import { ApiError } from './api-error';
import { readModelId } from '../lib/model-id';

export interface GeneratedImage {
  imageUrl: string;
  /** The seed the server used, or the one the studio sent when the server does not say. */
  seed: number;
  /** The engine's model that made it, when the answer names one. */
  model?: string;
}

/** The hosted service may answer a failed run with a stock picture: that is a failure, not a result. */
export function imageFromAnswer(data: ImageResponse, sentSeed: number): GeneratedImage {
  if (data.folder === PLACEHOLDER_FOLDER) {
    throw new ApiError('placeholder', 'The service sent a stock image instead of your picture, so this run failed.');
  }
  return { imageUrl: data.image_url, seed: data.seed ?? sentSeed, model: readModelId(data.model) };
}
