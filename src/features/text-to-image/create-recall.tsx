/**
 * Create takes no picture, so a picture dropped anywhere on the page or pasted is read for its
 * settings only: nothing is uploaded. The notice, and the reader, load with the first picture.
 */
import { lazy, Suspense, useCallback, useState } from 'react';
import { DropOverlay } from '../../components/drop-overlay';
import { usePageFileDrop } from '../../lib/use-page-file-drop';
import { usePastedFiles } from '../../lib/use-pasted-files';

const CreateSettingsNotice = lazy(() => import('./create-settings-notice'));

export function CreateRecall() {
  const [file, setFile] = useState<File>();
  const take = useCallback((files: File[]) => setFile(files[0]), []);
  const dragging = usePageFileDrop(take);
  usePastedFiles(take);
  return (
    <>
      {dragging && <DropOverlay message="Drop a picture to read its settings" />}
      {file && (
        <Suspense fallback={null}>
          <CreateSettingsNotice file={file} onDismiss={() => setFile(undefined)} />
        </Suspense>
      )}
    </>
  );
}
