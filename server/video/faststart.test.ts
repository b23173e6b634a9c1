/** Moving moov ahead of the media: box order, chunk offsets, and the encoder's real output. */
import { describe, expect, it } from 'vitest';
import { readMp4 } from '../testing/mp4-info';
import { moveMoovToFront } from './faststart';
import { renderVideo } from './render-video';
import { OVERSCAN } from './video-options';

function box(type: string, ...parts: Uint8Array[]): Buffer {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}

/** An mdat with a 64-bit size field, as large files have. */
function wideMdat(payload: Buffer): Buffer {
  const header = Buffer.alloc(16);
  header.writeUInt32BE(1);
  header.write('mdat', 4, 'latin1');
  header.writeBigUInt64BE(BigInt(16 + payload.length), 8);
  return Buffer.concat([header, payload]);
}

function offsetTable(wide: boolean, offsets: number[]): Buffer {
  const body = Buffer.alloc(8 + offsets.length * (wide ? 8 : 4));
  body.writeUInt32BE(offsets.length, 4);
  offsets.forEach((offset, i) => {
    if (wide) body.writeBigUInt64BE(BigInt(offset), 8 + i * 8);
    else body.writeUInt32BE(offset, 8 + i * 4);
  });
  return box(wide ? 'co64' : 'stco', body);
}

/** ftyp, free, mdat with two chunks, then moov pointing at them: the order the encoder writes. */
function encoderOrderFile(wide: boolean) {
  const chunks = [Buffer.from('first chunk'), Buffer.from('second chunk!')];
  const head = Buffer.concat([box('ftyp', Buffer.from('isom\0\0\0\0')), box('free', Buffer.alloc(12))]);
  const mdat = wide ? wideMdat(Buffer.concat(chunks)) : box('mdat', Buffer.concat(chunks));
  const mdatBody = head.length + (wide ? 16 : 8);
  const offsets = [mdatBody, mdatBody + chunks[0].length];
  const stbl = box('stbl', box('stsz', Buffer.alloc(12)), offsetTable(wide, offsets));
  const moov = box('moov', box('mvhd', Buffer.alloc(20)), box('trak', box('mdia', box('minf', stbl))));
  return { file: Buffer.concat([head, mdat, moov, box('free', Buffer.alloc(4))]), chunks, moov };
}

function readOffsets(file: Buffer, wide: boolean): number[] {
  const at = file.indexOf(wide ? 'co64' : 'stco') + 4;
  const count = file.readUInt32BE(at + 4);
  return Array.from({ length: count }, (_, i) =>
    wide ? Number(file.readBigUInt64BE(at + 8 + i * 8)) : file.readUInt32BE(at + 8 + i * 4),
  );
}

function topLevel(file: Buffer): string[] {
  const types: string[] = [];
  for (let at = 0; at < file.length; ) {
    const size = file.readUInt32BE(at);
    types.push(file.toString('latin1', at + 4, at + 8));
    at += size === 1 ? Number(file.readBigUInt64BE(at + 8)) : size;
  }
  return types;
}

describe('moveMoovToFront', () => {
  it.each([
    ['32-bit stco offsets', false],
    ['64-bit co64 offsets and a 64-bit mdat size', true],
  ])('puts moov before mdat and keeps every chunk reachable, with %s', (_, wide) => {
    const { file, chunks, moov } = encoderOrderFile(wide);
    const moved = Buffer.from(moveMoovToFront(file));
    expect(topLevel(file)).toEqual(['ftyp', 'free', 'mdat', 'moov', 'free']);
    expect(topLevel(moved)).toEqual(['ftyp', 'free', 'moov', 'mdat', 'free']);
    expect(moved.length).toBe(file.length);
    const before = readOffsets(file, wide);
    const after = readOffsets(moved, wide);
    expect(after).toEqual(before.map((offset) => offset + moov.length));
    after.forEach((offset, i) => expect(moved.subarray(offset, offset + chunks[i].length)).toEqual(chunks[i]));
  });

  it('returns a file that already starts with moov unchanged', () => {
    const moved = moveMoovToFront(encoderOrderFile(false).file);
    expect(moveMoovToFront(moved)).toBe(moved);
  });

  it('names the box when a size is impossible', () => {
    const { file } = encoderOrderFile(false);
    expect(() => moveMoovToFront(file.subarray(0, file.length - 3))).toThrow(/MP4 box "free" at byte \d+ has a bad size/);
    expect(() => moveMoovToFront(box('ftyp', Buffer.alloc(8)))).toThrow('MP4 has no moov box');
  });
});

describe('the rendered video', () => {
  it('starts with its index and every sample offset lands on an H.264 sample', async () => {
    const frame = { width: 64, height: 48 };
    const width = Math.round((frame.width * OVERSCAN) / 2) * 2;
    const height = Math.round((frame.height * OVERSCAN) / 2) * 2;
    const data = new Uint8ClampedArray(width * height * 3).map((_, i) => (i * 37) % 251);
    const mp4 = Buffer.from(await renderVideo({ width, height, data }, frame, { seed: 3, cfgScale: 2, motionBucketId: 180 }));
    const info = readMp4(mp4);
    expect(info.boxOrder.indexOf('moov')).toBeLessThan(info.boxOrder.indexOf('mdat'));
    expect(info.sampleOffsets).toHaveLength(info.frames);
    info.sampleOffsets.forEach((offset, i) => {
      // Each sample is a run of length-prefixed NAL units; the first must fit the sample and be a valid header.
      const nalLength = mp4.readUInt32BE(offset);
      expect(nalLength + 4).toBeLessThanOrEqual(info.sampleSizes[i]);
      expect(mp4[offset + 4] & 0x80).toBe(0);
      expect([1, 5, 6, 7, 8]).toContain(mp4[offset + 4] & 0x1f);
    });
  });
});
