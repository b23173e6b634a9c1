/** Aspect ratios as outlined shapes drawn at their true proportions. */
import { ASPECT_RATIOS, type AspectRatio } from '../api/contract';
import { ChoiceGroup } from './choice-group';

const NAMES: Record<AspectRatio, string> = {
  '1:1': 'square',
  '4:3': 'standard',
  '16:9': 'widescreen',
  '9:16': 'portrait',
  '3:4': 'vertical',
};

function Shape({ ratio }: { ratio: AspectRatio }) {
  const [w, h] = ratio.split(':').map(Number);
  const scale = 20 / Math.max(w, h);
  return (
    <span className="flex items-center gap-2 py-1">
      <span aria-hidden="true" className="inline-block rounded-[3px] border-2 border-current" style={{ width: w * scale, height: h * scale }} />
      <span>{ratio}</span>
    </span>
  );
}

/** `ratios` are the ones the model in use draws (all by default). */
export function AspectRatioPicker({ value, onChange, ratios = ASPECT_RATIOS }: { value: AspectRatio; onChange(value: AspectRatio): void; ratios?: readonly AspectRatio[] }) {
  return (
    <ChoiceGroup
      legend="Aspect ratio"
      name="aspect-ratio"
      value={value}
      onChange={onChange}
      options={ratios.map((ratio) => ({ value: ratio, label: <Shape ratio={ratio} />, title: `${ratio} ${NAMES[ratio]}` }))}
    />
  );
}
