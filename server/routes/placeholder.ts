/** The stock image the hosted service answers with when a generation fails silently. */
import sharp from 'sharp';
import type { MediaStore } from '../media/media-store';

export async function placeholderImage(media: MediaStore): Promise<string> {
  const bytes = await sharp({ create: { width: 512, height: 512, channels: 3, background: '#808080' } })
    .png()
    .toBuffer();
  return media.save('images', 'placeholder', 'png', bytes);
}
