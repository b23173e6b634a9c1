import { describe, expect, it } from 'vitest';
import { cropRect, defaultCropView, nearestShape } from './video-crop';

describe('nearestShape', () => {
  it('picks the video shape closest to the picture', () => {
    expect(nearestShape({ width: 1344, height: 768 })).toBe('landscape');
    expect(nearestShape({ width: 4000, height: 1000 })).toBe('landscape');
    expect(nearestShape({ width: 768, height: 1344 })).toBe('portrait');
    expect(nearestShape({ width: 1024, height: 1024 })).toBe('square');
    expect(nearestShape({ width: 1152, height: 896 })).toBe('square');
    expect(nearestShape({ width: 1400, height: 1000 })).toBe('landscape');
  });
});

describe('cropRect', () => {
  it('centres the largest crop of the right ratio by default', () => {
    expect(cropRect({ width: 1344, height: 768 }, defaultCropView({ width: 1344, height: 768 }))).toEqual({ x: 0, y: 6, width: 1344, height: 756 });
    expect(cropRect({ width: 1000, height: 1000 }, { shape: 'landscape', zoom: 1, panX: 0.5, panY: 0.5 })).toEqual({
      x: 0,
      y: 219,
      width: 1000,
      height: 563,
    });
    expect(cropRect({ width: 1000, height: 1000 }, { shape: 'portrait', zoom: 1, panX: 0.5, panY: 0.5 })).toEqual({
      x: 219,
      y: 0,
      width: 563,
      height: 1000,
    });
  });

  it('moves the crop to the edges with the pan, and shrinks it with the zoom', () => {
    const source = { width: 1600, height: 900 };
    expect(cropRect(source, { shape: 'square', zoom: 1, panX: 0, panY: 0.5 })).toEqual({ x: 0, y: 0, width: 900, height: 900 });
    expect(cropRect(source, { shape: 'square', zoom: 1, panX: 1, panY: 0.5 })).toEqual({ x: 700, y: 0, width: 900, height: 900 });
    expect(cropRect(source, { shape: 'square', zoom: 2, panX: 1, panY: 1 })).toEqual({ x: 1150, y: 450, width: 450, height: 450 });
  });

  it('keeps the crop inside the picture whatever the view says', () => {
    const source = { width: 800, height: 600 };
    const rect = cropRect(source, { shape: 'landscape', zoom: 99, panX: 7, panY: Number.NaN });
    expect(rect.x + rect.width).toBeLessThanOrEqual(800);
    expect(rect.y).toBe(0);
    expect(rect.width).toBe(Math.round(800 / 3));
  });
});
