/**
 * A grid of square cells that renders only the rows in view (plus a few on either side), so a
 * gallery of ten thousand keeps a few dozen cells in the DOM. Scrolling re-renders only when the
 * range of rows on screen changes.
 */
import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';

interface VirtualGridProps<T> {
  items: readonly T[];
  minCell: number;
  gap: number;
  label: string;
  keyOf(item: T): string;
  renderCell(item: T): ReactNode;
  /** Told which items are on screen (and just around it), for loading their thumbnails. */
  onVisibleChange?(visible: readonly T[]): void;
}

const OVERSCAN_ROWS = 1;

interface Layout {
  width: number;
  firstRow: number;
  lastRow: number;
}

function layoutOf(width: number, height: number, top: number, minCell: number, gap: number): Layout {
  const columns = Math.max(1, Math.floor((width + gap) / (minCell + gap)));
  const rowHeight = (width - gap * (columns - 1)) / columns + gap;
  return {
    width,
    firstRow: Math.max(0, Math.floor(top / rowHeight) - OVERSCAN_ROWS),
    lastRow: Math.ceil((top + height) / rowHeight) + OVERSCAN_ROWS,
  };
}

export function VirtualGrid<T>({ items, minCell, gap, label, keyOf, renderCell, onVisibleChange }: VirtualGridProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [layout, setLayout] = useState<Layout>({ width: 0, firstRow: 0, lastRow: 0 });

  useLayoutEffect(() => {
    const element = scroller.current!;
    // Sizes come from the ResizeObserver; a scroll reads only the offset, so it never forces a layout of its own.
    let size = { width: list.current!.clientWidth, height: element.clientHeight };
    const measure = () => {
      const next = layoutOf(size.width, size.height, element.scrollTop, minCell, gap);
      setLayout((current) =>
        current.width === next.width && current.firstRow === next.firstRow && current.lastRow === next.lastRow ? current : next,
      );
    };
    measure();
    const observer = new ResizeObserver(() => {
      size = { width: list.current!.clientWidth, height: element.clientHeight };
      measure();
    });
    observer.observe(element);
    observer.observe(list.current!);
    element.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', measure);
    };
  }, [minCell, gap]);

  const columns = Math.max(1, Math.floor((layout.width + gap) / (minCell + gap)));
  const cell = layout.width ? (layout.width - gap * (columns - 1)) / columns : minCell;
  const rowHeight = cell + gap;
  const rows = Math.ceil(items.length / columns);
  const firstRow = Math.min(layout.firstRow, rows);
  const visible = items.slice(firstRow * columns, Math.min(rows, layout.lastRow) * columns);

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
          return (
            <li
              key={keyOf(item)}
              className="absolute"
              style={{
                transform: `translate(${(index % columns) * (cell + gap)}px, ${Math.floor(index / columns) * rowHeight}px)`,
                width: cell,
                height: cell,
              }}
            >
              {renderCell(item)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
