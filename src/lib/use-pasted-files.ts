/**
 * Files pasted onto a page (Ctrl/Cmd+V), handed to whatever takes pictures there. A paste into a
 * text field stays a text paste unless the clipboard holds files alone, so copying a picture
 * from a web page (its text and the picture) and pasting into a prompt pastes the text.
 */
import { useEffect, useRef } from 'react';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'color', 'file', 'radio', 'range', 'reset', 'submit'].includes(target.type);
}

/** The files a paste carries for the page, or none when the paste belongs to a text field. */
export function pastedFiles(clipboard: Pick<DataTransfer, 'files' | 'types'> | null, target: EventTarget | null): File[] {
  const files = [...(clipboard?.files ?? [])];
  if (files.length === 0) return [];
  const filesAlone = [...clipboard!.types].every((type) => type === 'Files');
  return isTextField(target) && !filesAlone ? [] : files;
}

/** Calls `onFiles` with the files pasted anywhere on the page while mounted. */
export function usePastedFiles(onFiles: (files: File[]) => void): void {
  const latest = useRef(onFiles);
  useEffect(() => {
    latest.current = onFiles;
  }, [onFiles]);
  useEffect(() => {
    function onPaste(event: ClipboardEvent) {
      const files = pastedFiles(event.clipboardData, event.target);
      if (files.length === 0) return;
      event.preventDefault();
      latest.current(files);
    }
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);
}
