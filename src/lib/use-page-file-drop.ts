/**
 * Files dropped anywhere on a page that has no drop zone of its own (Create, Gallery). Only a
 * drag that carries files is taken; dragging a gallery item or text is left alone, and so is a
 * drop a drop zone already handled.
 */
import { useEffect, useRef, useState } from 'react';

const carriesFiles = (event: DragEvent) => Boolean(event.dataTransfer?.types.includes('Files'));

/** Calls `onFiles` with the files dropped on the page; true while files are dragged over it. */
export function usePageFileDrop(onFiles: (files: File[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const latest = useRef(onFiles);
  useEffect(() => {
    latest.current = onFiles;
  }, [onFiles]);
  useEffect(() => {
    // dragenter and dragleave fire for every element crossed: count them to know when the drag left the page.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event) || event.defaultPrevented) return;
      event.preventDefault(); // Allows the drop, and keeps the browser from opening the file instead.
      event.dataTransfer!.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (!carriesFiles(event) || event.defaultPrevented) return;
      event.preventDefault();
      const files = [...event.dataTransfer!.files];
      if (files.length > 0) latest.current(files);
    };
    const events = { dragenter: enter, dragleave: leave, dragover: over, drop } as const;
    for (const [name, listener] of Object.entries(events)) document.addEventListener(name, listener as EventListener);
    return () => {
      for (const [name, listener] of Object.entries(events)) document.removeEventListener(name, listener as EventListener);
    };
  }, []);
  return dragging;
}
