/**
 * Where a .zip the gallery writes goes: a file the creator picks, streamed to disk, where the
 * browser offers a file picker; else a download the browser assembles when the zip is done.
 */
import { saveBlob } from '../../lib/download-file';

interface SavePicker {
  showSaveFilePicker?(options: { suggestedName: string; types: Array<{ description: string; accept: Record<string, string[]> }> }): Promise<{ createWritable(): Promise<WritableStream<Uint8Array>> }>;
}

export interface ZipSink {
  sink: WritableStream<Uint8Array>;
  /** Hands the finished zip over (the download, when it was not streamed to a picked file). */
  finish(): void;
}

/** The sink for `fileName`, or undefined when the creator cancelled the picker. */
export async function openZipSink(fileName: string): Promise<ZipSink | undefined> {
  const picker = (window as SavePicker).showSaveFilePicker;
  if (picker) {
    try {
      const handle = await picker({ suggestedName: fileName, types: [{ description: 'Zip archive', accept: { 'application/zip': ['.zip'] } }] });
      return { sink: await handle.createWritable(), finish: () => undefined };
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return undefined;
      // Fall through to a download when the picker is unavailable here.
    }
  }
  const chunks: Uint8Array[] = [];
  return {
    sink: new WritableStream({ write: (chunk) => void chunks.push(chunk) }),
    finish: () => saveBlob(new Blob(chunks as BlobPart[], { type: 'application/zip' }), fileName),
  };
}

/** A zip's file name: what it holds and today's date. */
export const zipFileName = (what: string) => `aiart-${what}-${new Date().toISOString().slice(0, 10)}.zip`;
