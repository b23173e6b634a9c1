/**
 * Where the video frame is cut from the picture: its shape (nearest by default), zoom and
 * position, with a preview of exactly the pixels that will be sent.
 */
import { VIDEO_SIZES } from '../../api/contract';
import { ChoiceGroup } from '../../components/choice-group';
import { SliderField } from '../../components/slider-field';
import { cropRect, type CropView, MAX_CROP_ZOOM, VIDEO_SHAPES, type VideoShape } from '../../lib/video-crop';
import type { SourceImage } from '../../widgets/image-source/image-source-store';

const SHAPE_LABELS: Record<VideoShape, string> = { landscape: 'Landscape', portrait: 'Portrait', square: 'Square' };
const percent = (value: number) => `${Math.round(value * 100)}%`;

export function CropEditor({ image, view, onChange }: { image: SourceImage; view: CropView; onChange(view: CropView): void }) {
  const size = VIDEO_SIZES[view.shape];
  const rect = cropRect(image, view);
  const roomX = rect.width < image.width;
  const roomY = rect.height < image.height;
  return (
    <fieldset className="flex flex-col gap-4 rounded-lg border border-line p-3">
      <legend className="px-1 text-sm font-medium">Video frame</legend>
      <div className="relative mx-auto w-full max-w-xs overflow-hidden rounded-md bg-raised" style={{ aspectRatio: `${size.width} / ${size.height}` }}>
        <img
          src={image.previewUrl}
          alt={`Preview of the video frame cut from ${image.name}`}
          className="absolute max-w-none"
          style={{
            width: `${(image.width / rect.width) * 100}%`,
            height: `${(image.height / rect.height) * 100}%`,
            left: `${(-rect.x / rect.width) * 100}%`,
            top: `${(-rect.y / rect.height) * 100}%`,
          }}
        />
      </div>
      <ChoiceGroup
        legend="Shape"
        name="video-shape"
        value={view.shape}
        onChange={(shape) => onChange({ ...view, shape, panX: 0.5, panY: 0.5 })}
        options={VIDEO_SHAPES.map((shape) => ({
          value: shape,
          label: `${SHAPE_LABELS[shape]} ${VIDEO_SIZES[shape].width}×${VIDEO_SIZES[shape].height}`,
        }))}
      />
      <SliderField
        id="crop-zoom"
        label="Zoom"
        value={view.zoom}
        min={1}
        max={MAX_CROP_ZOOM}
        step={0.05}
        defaultValue={1}
        format={(value) => `${value.toFixed(2)}×`}
        hint="Zoom in to animate a detail of the picture."
        onChange={(zoom) => onChange({ ...view, zoom })}
      />
      {roomX && (
        <SliderField
          id="crop-x"
          label="Horizontal position"
          value={view.panX}
          min={0}
          max={1}
          step={0.01}
          defaultValue={0.5}
          format={percent}
          hint="Slide the frame from the left edge to the right."
          onChange={(panX) => onChange({ ...view, panX })}
        />
      )}
      {roomY && (
        <SliderField
          id="crop-y"
          label="Vertical position"
          value={view.panY}
          min={0}
          max={1}
          step={0.01}
          defaultValue={0.5}
          format={percent}
          hint="Slide the frame from the top edge to the bottom."
          onChange={(panY) => onChange({ ...view, panY })}
        />
      )}
      <p className="text-xs text-muted">
        Sent as a {size.width}×{size.height} PNG cut from {rect.width}×{rect.height} pixels of your picture, so nothing is stretched.
      </p>
    </fieldset>
  );
}
