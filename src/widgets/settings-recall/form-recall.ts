/** Ties "Use its settings" to a page's form store: its values from the settings, then its `update`. */
import type { PictureSettings } from '../../picture-metadata/picture-settings-result';

interface FormStore<V> {
  getState(): V & { update(patch: Partial<V>): void };
}

/** `valuesFor` and `onUse` for PictureSettingsRecall, mapping with `map` against the form's current values. */
export function formRecall<V>(form: FormStore<V>, map: (settings: PictureSettings, current: V) => Partial<V> | undefined) {
  return {
    valuesFor: (settings: PictureSettings) => map(settings, form.getState()),
    onUse: (values: Partial<V>) => form.getState().update(values),
  };
}
