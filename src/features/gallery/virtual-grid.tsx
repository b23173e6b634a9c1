/**
 * A grid of square cells that renders only the rows in view (plus a few on either side), so a
 * gallery of ten thousand keeps a few dozen cells in the DOM.
 */
import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';

interface VirtualGridProps<T> {
  items: readonly T[];
  minCell: number;
  gap: number;
  label: string;
  keyOf(item: T): string;
  renderCell(item: T, index: number): ReactNode;
  /** Told which items are on screen, for loading their thumbnails. */
  onVisibleChange?(visible: readonly T[]): void;
}

const OVERSCAN_ROWS = 2;

export function VirtualGrid<T>({ items, minCell, gap, label, keyOf, renderCell, onVisibleChange }: VirtualGridProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [view, setView] = useState({ width: 0, height: 0, top: 0 });

  useLayoutEffect(() => {
    const element = scroller.current!;
    const measure = () => setView({ width: list.current!.clientWidth, height: element.clientHeight, top: element.scrollTop });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    observer.observe(list.current!);
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, []);

  const columns = Math.max(1, Math.floor((view.width + gap) / (minCell + gap)));
  const cell = view.width ? (view.width - gap * (columns - 1)) / columns : minCell;
  const rowHeight = cell + gap;
  const rows = Math.ceil(items.length / columns);
  const firstRow = Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN_ROWS);
  const lastRow = Math.min(rows, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN_ROWS);
  const visible = items.slice(firstRow * columns, lastRow * columns);

  const reported = useRef('');
  useLayoutEffect(() => {
    const signature = visible.map(keyOf).join('|');
    if (signature === reported.current) return;
    reported.current = signature;
    onVisibleChange?.(visible);
  });

  return (
    <div ref={scroller} className="min-h-0 flex-1 overflow-y-auto px-4 pb-4">
      <ul ref={list} aria-label={label} className="relative" style={{ height: rows * rowHeight }}>
        {visible.map((item, offset) => {
          const index = firstRow * columns + offset;
          const row = Math.floor(index / columns);
          const column = index % columns;
          return (
            <li
              key={keyOf(item)}
              className="absolute"
              style={{ top: row * rowHeight, left: column * (cell + gap), width: cell, height: cell }}
            >
              {renderCell(item, index)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
