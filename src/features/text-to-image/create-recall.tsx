/**
 * Create takes no picture, so a picture dropped anywhere on the page or pasted is read for its
 * settings only: nothing is uploaded. The notice offers them; "Use its settings" fills the form.
 * The page loads this after its first paint, and the reader itself with the first picture.
 */
import { useCallback, useState } from 'react';
import { DropOverlay } from '../../components/drop-overlay';
import { usePageFileDrop } from '../../lib/use-page-file-drop';
import { usePastedFiles } from '../../lib/use-pasted-files';
import { formRecall } from '../../widgets/settings-recall/form-recall';
import { PictureSettingsRecall } from '../../widgets/settings-recall/picture-settings-recall';
import { useCreateForm } from './create-form-store';
import { recalledCreateValues } from './recalled-create-values';

const recall = formRecall(useCreateForm, recalledCreateValues);

export default function CreateRecall() {
  const [file, setFile] = useState<File>();
  const take = useCallback((files: File[]) => setFile(files[0]), []);
  const dragging = usePageFileDrop(take);
  usePastedFiles(take);
  return (
    <>
      {dragging && <DropOverlay message="Drop a picture to read its settings" />}
      {file && <PictureSettingsRecall file={file} {...recall} onDismiss={() => setFile(undefined)} sayWhenNone />}
    </>
  );
}
