/** The parameters of a result's request as labelled rows, for the detail view and shared galleries, and the request Remix sends. */
import type { GenerateRequest, ImageToImageFields, ImageToVideoFields } from '../api/contract';
import { STYLE_LABELS } from '../components/style-picker';

type Described = { seed: number; model?: string } & (
  | { kind: 'image'; request: GenerateRequest }
  | { kind: 'transform'; request: ImageToImageFields }
  | { kind: 'video'; request: ImageToVideoFields }
);

const KIND_NAMES = { image: 'Text to image', transform: 'Image to image', video: 'Image to video' } as const;

/** `nameModel` names the item's model for people (its id when the engine no longer lists it). */
export function requestParameters(item: Described, nameModel: (id: string) => string = (id) => id): Array<[string, string]> {
  const rows: Array<[string, string]> = [['Kind', KIND_NAMES[item.kind]]];
  if (item.kind === 'video') {
    rows.push(['Motion', String(item.request.motion_bucket_id)], ['CFG scale', String(item.request.cfg_scale)]);
  } else {
    const r = item.request;
    rows.push(
      ['Prompt', item.kind === 'transform' ? item.request.prompt : item.request.video_description],
      ['Negative prompt', r.negative_prompt || '—'],
      ['Style', r.style_preset ? STYLE_LABELS[r.style_preset] : 'None'],
      ['Aspect ratio', r.aspect_ratio],
      ['Format', r.output_format.toUpperCase()],
    );
    if (item.kind === 'transform') rows.push(['Strength', String(item.request.strength)]);
  }
  rows.push(['Seed', String(item.seed)]);
  if (item.model) rows.push(['Model', nameModel(item.model)]);
  return rows;
}

/** A result's request naming the model that made it: what Remix carries. */
export function requestWithModel<T extends { request: object; model?: string }>(item: T): T['request'] {
  return item.model ? { ...item.request, model: item.model } : item.request;
}
