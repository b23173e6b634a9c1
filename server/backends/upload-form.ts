/** Multipart forms, as Stability, OpenAI, ComfyUI and AiArt take them: text fields and one picture. */
import type { ImageKind } from '../upload/decode-image';

const asBlob = (bytes: Buffer, kind: ImageKind): Blob =>
  new Blob([new Uint8Array(bytes)], { type: `image/${kind}` });

export function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

export function imageUpload(
  bytes: Buffer,
  kind: ImageKind,
  fields: Record<string, string>,
  file: { field?: string; name?: string } = {},
): FormData {
  const form = formOf(fields);
  form.set(file.field ?? 'image', asBlob(bytes, kind), file.name ?? `image.${kind === 'jpeg' ? 'jpg' : kind}`);
  return form;
}
