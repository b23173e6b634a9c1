/**
 * Reads the settings a dropped, pasted or chosen picture carries and offers them in a notice;
 * "Use its settings" hands the page's form values (from `valuesFor`) to `onUse`. The reader is
 * loaded on first use, never with the page. Nothing is shown while reading, and nothing for a
 * picture without settings unless `sayWhenNone` (a page where the drop does nothing else).
 */
import { useEffect, useState } from 'react';
import type { PictureSettings, PictureSettingsResult } from '../../picture-metadata/picture-settings-result';
import { recallLink } from './recall-link';
import { RefusalNotice, SettingsNotice } from './settings-notice';

interface PictureSettingsRecallProps<T> {
  file: File;
  /** The page's form values from the settings, or undefined when the page has no use for them. */
  valuesFor(settings: PictureSettings): T | undefined;
  onUse(values: T): void;
  onDismiss(): void;
  sayWhenNone?: boolean;
  /** The page's own word on what it did with the file. */
  aside?: string;
}

const READER_MISSING: PictureSettingsResult = { ok: false, reason: 'unreadable', message: 'The settings reader could not be loaded; reload the page to try again.', notes: [] };

function usePictureSettings(file: File): PictureSettingsResult | undefined {
  const [reading, setReading] = useState<{ file: File; result: PictureSettingsResult }>();
  useEffect(() => {
    let current = true;
    import('../../picture-metadata/read-picture-settings')
      .then(({ readPictureSettings }) => readPictureSettings(file), () => READER_MISSING)
      .then((result) => current && setReading({ file, result }));
    return () => {
      current = false;
    };
  }, [file]);
  return reading?.file === file ? reading.result : undefined;
}

export function PictureSettingsRecall<T>({ file, valuesFor, onUse, onDismiss, sayWhenNone = false, aside }: PictureSettingsRecallProps<T>) {
  const result = usePictureSettings(file);
  const [usedFile, setUsedFile] = useState<File>();
  if (!result) return null;
  if (!result.ok) {
    const none = result.reason === 'no-settings' || result.reason === 'not-a-picture';
    return none && !sayWhenNone ? null : <RefusalNotice fileName={file.name} refusal={result} aside={aside} onDismiss={onDismiss} />;
  }
  const usable = valuesFor(result) !== undefined;
  function use() {
    const values = valuesFor(result as PictureSettings);
    if (values === undefined) return;
    onUse(values);
    setUsedFile(file);
  }
  return (
    <SettingsNotice
      fileName={file.name}
      settings={result}
      onUse={usable ? use : undefined}
      elsewhere={usable ? undefined : recallLink(result)}
      used={usedFile === file}
      aside={aside}
      onDismiss={onDismiss}
    />
  );
}
