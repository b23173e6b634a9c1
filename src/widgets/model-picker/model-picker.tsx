/** The Model picker as a form places it: its panel loads after the page, with the engine's model list it needs. */
import { lazy, Suspense } from 'react';
import type { Operation } from '../../api/contract';

export interface ModelPickerProps {
  operation: Operation;
  /** The page's remembered choice; '' is the engine's default. */
  value: string;
  onChange(model: string): void;
}

const ModelPickerPanel = lazy(() => import('./model-picker-panel'));

export function ModelPicker(props: ModelPickerProps) {
  return (
    <Suspense fallback={null}>
      <ModelPickerPanel {...props} />
    </Suspense>
  );
}
