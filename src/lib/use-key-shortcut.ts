/**
 * A one-key shortcut for the whole page. It stays quiet while the creator types in a field or
 * holds Ctrl, Alt or ⌘, so it never takes a character or a browser shortcut from them.
 */
import { useEffect, useRef } from 'react';

/** True when a key pressed here is typing: a text field, a select, or editable content. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'file', 'color'].includes(target.type);
}

export const hasCommandModifier = (event: { ctrlKey: boolean; altKey: boolean; metaKey: boolean }) => event.ctrlKey || event.altKey || event.metaKey;

/** Runs `run` when `key` (as KeyboardEvent.key reports it) is pressed anywhere on the page. */
export function useKeyShortcut(key: string, run: (event: KeyboardEvent) => void): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== key || event.defaultPrevented || hasCommandModifier(event) || isTypingTarget(event.target)) return;
      latest.current(event);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [key]);
}
