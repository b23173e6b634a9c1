/** The media type of a file the studio keeps (a picture or an MP4 video), by its first bytes. */
import { sniffImageType, type UploadType } from './image-file-check';

export type MediaType = UploadType | 'video/mp4';

export function sniffMediaType(head: Uint8Array): MediaType | undefined {
  const image = sniffImageType(head);
  if (image) return image;
  const isMp4 = head.length >= 12 && String.fromCharCode(...head.subarray(4, 8)) === 'ftyp';
  return isMp4 ? 'video/mp4' : undefined;
}
