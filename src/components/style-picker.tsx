/**
 * The 17 style presets (and None) as picture tiles; each picture is this style's own render. A
 * model that takes no preset gets its `note` in their place.
 */
import { STYLE_PRESETS, type StylePreset } from '../api/contract';

export const STYLE_LABELS: Record<StylePreset, string> = {
  '3d-model': '3D model',
  'analog-film': 'Analog film',
  anime: 'Anime',
  cinematic: 'Cinematic',
  'comic-book': 'Comic book',
  'digital-art': 'Digital art',
  enhance: 'Enhance',
  'fantasy-art': 'Fantasy art',
  isometric: 'Isometric',
  'line-art': 'Line art',
  'low-poly': 'Low poly',
  'modeling-compound': 'Modeling compound',
  'neon-punk': 'Neon punk',
  origami: 'Origami',
  photographic: 'Photographic',
  'pixel-art': 'Pixel art',
  'tile-texture': 'Tile texture',
};

const OPTIONS: ReadonlyArray<{ value: StylePreset | ''; label: string; picture: string }> = [
  { value: '', label: 'None', picture: '/styles/none.webp' },
  ...STYLE_PRESETS.map((preset) => ({ value: preset, label: STYLE_LABELS[preset], picture: `/styles/${preset}.webp` })),
];

export function StylePicker({ value, onChange, note }: { value: StylePreset | ''; onChange(value: StylePreset | ''): void; note?: string }) {
  return (
    <fieldset>
      <legend className="mb-1.5 text-sm font-medium">Style</legend>
      {note ? (
        <p className="text-xs text-muted">{note}</p>
      ) : (
        <div className="grid grid-cols-3 gap-1.5 sm:grid-cols-4 lg:grid-cols-3">
          {OPTIONS.map((option) => (
            <label key={option.value || 'none'} className="relative">
              <input
                type="radio"
                name="style-preset"
                value={option.value}
                checked={option.value === value}
                onChange={() => onChange(option.value)}
                className="peer sr-only"
              />
              <span className="block cursor-pointer overflow-hidden rounded-md border border-line text-muted peer-checked:border-accent peer-checked:text-fg peer-checked:ring-2 peer-checked:ring-accent peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent hover:text-fg">
                <img src={option.picture} alt="" loading="lazy" decoding="async" width={96} height={64} className="block aspect-[3/2] w-full bg-raised object-cover" />
                <span className="block truncate px-1 py-1 text-center text-[11px] leading-tight">{option.label}</span>
              </span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
