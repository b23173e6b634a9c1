/**
 * The picture sent to image-to-video: cut to the creator's crop and scaled to the exact video
 * frame, as PNG (the hosted service refuses WEBP and stretches any other size).
 */
import type { PixelSize } from '../api/contract';
import type { CropRect } from './video-crop';

export async function renderVideoInput(source: Blob, rect: CropRect, size: PixelSize): Promise<File> {
  const bitmap = await createImageBitmap(source, rect.x, rect.y, rect.width, rect.height, {
    resizeWidth: size.width,
    resizeHeight: size.height,
    resizeQuality: 'high',
  });
  const canvas = new OffscreenCanvas(size.width, size.height);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  bitmap.close();
  const png = await canvas.convertToBlob({ type: 'image/png' });
  return new File([png], `video-input-${size.width}x${size.height}.png`, { type: 'image/png' });
}
