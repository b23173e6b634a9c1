/** Which container a file is, by its first bytes. */
import { type MediaType, sniffMediaType } from '../lib/media-type';
import type { Container } from './metadata-text';

const CONTAINERS: Record<MediaType, Container> = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/webp': 'webp', 'video/mp4': 'mp4' };

export function sniffContainer(head: Uint8Array): Container | undefined {
  const type = sniffMediaType(head);
  return type && CONTAINERS[type];
}
