/** The settings in a picture dropped or pasted on Create; "Use its settings" fills the form. Loaded with the first picture. */
import { formRecall } from '../../widgets/settings-recall/form-recall';
import { PictureSettingsRecall } from '../../widgets/settings-recall/picture-settings-recall';
import { useCreateForm } from './create-form-store';
import { recalledCreateValues } from './recalled-create-values';

const recall = formRecall(useCreateForm, recalledCreateValues);

export default function CreateSettingsNotice({ file, onDismiss }: { file: File; onDismiss(): void }) {
  return <PictureSettingsRecall file={file} {...recall} onDismiss={onDismiss} sayWhenNone />;
}
