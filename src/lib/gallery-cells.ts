/**
 * The gallery grid's cell geometry, and how many cells a window of a given size shows: the
 * gallery reads that many of its newest items first, so the first screen paints before the rest
 * of a large gallery has been read.
 */
const GALLERY_MIN_CELL = 150;
const GALLERY_GAP = 8;

/** Cells in a window of `width` × `height` CSS pixels at the smallest cell size, plus a row. */
export function cellsOnScreen(width: number, height: number): number {
  const columns = Math.max(1, Math.floor((width + GALLERY_GAP) / (GALLERY_MIN_CELL + GALLERY_GAP)));
  const rows = Math.ceil(height / (GALLERY_MIN_CELL + GALLERY_GAP)) + 1;
  return Math.min(400, Math.max(24, columns * rows));
}
