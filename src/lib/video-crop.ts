/**
 * The crop that turns any picture into a video frame the service animates without stretching:
 * 1024×576, 576×1024 or 768×768, the nearest by default, positioned and zoomed by the creator.
 */
import { type PixelSize, VIDEO_SIZES } from '../api/contract';

export type VideoShape = keyof typeof VIDEO_SIZES;
export const VIDEO_SHAPES = Object.keys(VIDEO_SIZES) as VideoShape[];

export const MAX_CROP_ZOOM = 3;

export interface CropView {
  shape: VideoShape;
  /** 1 = the largest crop that fits; up to MAX_CROP_ZOOM. */
  zoom: number;
  /** Where the crop sits in the room left over, 0 (left/top) to 1 (right/bottom). */
  panX: number;
  panY: number;
}

export interface CropRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const ratioOf = (size: PixelSize) => size.width / size.height;
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, Number.isFinite(value) ? value : low));

/** The video shape whose ratio is closest to the picture's (compared on a log scale). */
export function nearestShape(source: PixelSize): VideoShape {
  const distance = (shape: VideoShape) => Math.abs(Math.log(ratioOf(source) / ratioOf(VIDEO_SIZES[shape])));
  return VIDEO_SHAPES.reduce((best, shape) => (distance(shape) < distance(best) ? shape : best));
}

export function defaultCropView(source: PixelSize): CropView {
  return { shape: nearestShape(source), zoom: 1, panX: 0.5, panY: 0.5 };
}

/** The source rectangle, in whole source pixels, that the video frame is cut from. */
export function cropRect(source: PixelSize, view: CropView): CropRect {
  const target = ratioOf(VIDEO_SIZES[view.shape]);
  const zoom = clamp(view.zoom, 1, MAX_CROP_ZOOM);
  const fitsWidth = ratioOf(source) <= target;
  const fullWidth = fitsWidth ? source.width : source.height * target;
  const fullHeight = fitsWidth ? source.width / target : source.height;
  const width = Math.max(1, Math.round(fullWidth / zoom));
  const height = Math.max(1, Math.round(fullHeight / zoom));
  return {
    x: Math.round((source.width - width) * clamp(view.panX, 0, 1)),
    y: Math.round((source.height - height) * clamp(view.panY, 0, 1)),
    width,
    height,
  };
}
