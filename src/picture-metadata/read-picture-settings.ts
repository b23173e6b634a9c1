/**
 * The one entry point for "Use its settings": reads the settings a dropped or pasted file
 * carries, in the studio's own recipe or in the formats of AUTOMATIC1111/Forge, ComfyUI, Fooocus,
 * InvokeAI and NovelAI, from PNG, JPEG, WebP or MP4, without decoding any pixels. Load it with
 * import(): nothing here belongs in the first page.
 *
 * Never throws. Metadata is hostile: every text is size-capped before it is read, compressed
 * text is inflated under a cap, JSON is depth-checked before parsing, and what is returned is
 * rebuilt through the contract's schemas. See picture-settings-result.ts for the answer.
 */
import { byteSource, type ByteSource, type PictureInput } from './byte-source';
import type { FormatReader, FormatReading } from './found-settings';
import { readAutomatic1111 } from './formats/automatic1111';
import { readComfyUi } from './formats/comfyui';
import { readFooocus } from './formats/fooocus';
import { readInvokeAi } from './formats/invokeai';
import { readInvokeAiDream } from './formats/invokeai-dream';
import { readNovelAi } from './formats/novelai';
import { readJpegMetadata } from './jpeg-metadata';
import type { ContainerMetadata, MetadataProblem } from './metadata-text';
import { readMp4Metadata } from './mp4-metadata';
import type { PictureSettingsResult } from './picture-settings-result';
import { readPngMetadata } from './png-text';
import { sniffContainer } from './sniff-container';
import { mapFoundSettings, mapStudioRecipe } from './studio-mapping';
import { readStudioRecipe } from './studio-recipe';
import { readWebpMetadata } from './webp-metadata';

export type { PictureSettings, PictureSettingsRefusal, PictureSettingsResult } from './picture-settings-result';

const CONTAINER_READERS = { png: readPngMetadata, jpeg: readJpegMetadata, webp: readWebpMetadata, mp4: readMp4Metadata } as const;

/** Most specific first: a picture may carry several (the studio's recipe beside its `parameters`). */
const FORMAT_READERS: FormatReader[] = [readStudioRecipe, readInvokeAi, readComfyUi, readFooocus, readAutomatic1111, readNovelAi, readInvokeAiDream];

/** Reads the file's container, or undefined when it is none the studio reads. */
export async function readContainerMetadata(source: ByteSource): Promise<ContainerMetadata | undefined> {
  const container = sniffContainer(await source.bytes(0, 16));
  return container && CONTAINER_READERS[container](source);
}

function firstReading(metadata: ContainerMetadata): { reading?: Extract<FormatReading, { ok: true }>; problems: MetadataProblem[] } {
  const texts = new Map<string, string>();
  for (const { key, text } of metadata.texts) if (!texts.has(key)) texts.set(key, text);
  const problems = [...metadata.problems];
  for (const read of FORMAT_READERS) {
    const reading = read(texts);
    if (reading?.ok) return { reading, problems };
    if (reading) problems.push(reading.problem);
  }
  return { problems };
}

export async function readPictureSettings(file: PictureInput): Promise<PictureSettingsResult> {
  try {
    const metadata = await readContainerMetadata(byteSource(file));
    if (!metadata) return { ok: false, reason: 'not-a-picture', message: 'The file is not a PNG, JPEG, WebP or MP4: it carries no settings the studio reads.', notes: [] };
    const { reading, problems } = firstReading(metadata);
    const problemNotes = problems.map((problem) => problem.message);
    if (!reading) {
      const [first] = problems;
      return first
        ? { ok: false, reason: first.reason, message: first.message, notes: problemNotes.slice(1) }
        : { ok: false, reason: 'no-settings', message: 'The file carries no settings the studio can read.', notes: [] };
    }
    const mapped = reading.source === 'studio' ? mapStudioRecipe(reading.recipe, metadata.container) : mapFoundSettings(reading.source, reading.found, metadata.container, metadata.size);
    return { ...mapped, notes: [...mapped.notes, ...problemNotes] };
  } catch {
    return { ok: false, reason: 'unreadable', message: 'The file\u2019s settings could not be read; the file itself can still be used.', notes: [] };
  }
}
