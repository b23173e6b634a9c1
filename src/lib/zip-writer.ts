/**
 * Streams a .zip to a sink one file at a time, stored uncompressed (pictures and videos are
 * compressed already), never more than one chunk ahead of the sink, so memory holds one chunk
 * whatever the archive's size.
 */
import { Zip, ZipPassThrough } from 'fflate';

/** Adds one file to the archive; resolves once its last chunk went to the sink. */
export type AddZipFile = (name: string, blob: Blob) => Promise<void>;

/**
 * Writes the files `fill` adds to `sink`, then closes it. When `fill`, the zip or the sink
 * fails, the sink is aborted and the error thrown.
 */
export async function writeZip(sink: WritableStream<Uint8Array>, fill: (add: AddZipFile) => Promise<void>): Promise<void> {
  const writer = sink.getWriter();
  let written = Promise.resolve();
  const finished = new Promise<void>((resolve, reject) => {
    const zip = new Zip((error, chunk, final) => {
      if (error) {
        reject(error);
        return;
      }
      written = written.then(() => writer.write(chunk));
      if (final) written.then(resolve, reject);
    });
    const add: AddZipFile = async (name, blob) => {
      const file = new ZipPassThrough(name);
      zip.add(file);
      const reader = blob.stream().getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        file.push(value);
        await written; // Backpressure: never more than one chunk ahead of the sink.
      }
      file.push(new Uint8Array(0), true);
      await written;
    };
    fill(add).then(() => zip.end(), reject);
  });
  try {
    await finished;
    await writer.close();
  } catch (error) {
    await writer.abort(error).catch(() => undefined);
    throw error;
  }
}
