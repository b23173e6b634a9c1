import { Blob as NodeBlob } from 'node:buffer';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeZip } from './zip-writer';

// jsdom's Blob has no stream(); the browser's and Node's do.
const blob = (part: string | Uint8Array) => new NodeBlob([part]) as unknown as Blob;

describe('writing a zip to a stream', () => {
  it('writes each file as it is added, readable as a zip afterwards', async () => {
    const chunks: Uint8Array[] = [];
    const sink = new WritableStream<Uint8Array>({ write: (chunk) => void chunks.push(chunk) });
    await writeZip(sink, async (add) => {
      await add('one.txt', blob('first file'));
      expect(chunks.length).toBeGreaterThan(0);
      await add('two.bin', blob(new Uint8Array(300_000).fill(7)));
    });
    const files = unzipSync(new Uint8Array(await new NodeBlob(chunks).arrayBuffer()));
    expect(strFromU8(files['one.txt'])).toBe('first file');
    expect(files['two.bin'].length).toBe(300_000);
    expect(files['two.bin'].every((byte) => byte === 7)).toBe(true);
  });

  it('aborts the sink with the error when adding files fails, and throws it', async () => {
    let aborted: unknown;
    const sink = new WritableStream<Uint8Array>({ abort: (reason) => void (aborted = reason) });
    const failure = new Error('the picture could not be read');
    await expect(
      writeZip(sink, async (add) => {
        await add('one.txt', blob(strToU8('kept')));
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(aborted).toBe(failure);
  });
});
