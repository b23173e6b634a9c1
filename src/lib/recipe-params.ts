/**
 * A recipe in a page's query string: every parameter of a text-to-image request, so a link (or
 * Remix from the gallery) opens Create with the form filled in. Read back through the contract's
 * own validation, so a hand-edited link can only produce valid values.
 */
import { generateRequestSchema, type GenerateRequest } from '../api/contract';

const FIELDS: ReadonlyArray<[keyof GenerateRequest, string]> = [
  ['video_description', 'prompt'],
  ['negative_prompt', 'negative'],
  ['style_preset', 'style'],
  ['aspect_ratio', 'ratio'],
  ['output_format', 'format'],
  ['seed', 'seed'],
];

export function recipeSearch(request: Partial<GenerateRequest>): string {
  const params = new URLSearchParams();
  for (const [field, name] of FIELDS) {
    const value = request[field];
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  return `?${params.toString()}`;
}

/** The recipe in `search`, or undefined when there is none or it is not valid. */
export function readRecipe(search: string): GenerateRequest | undefined {
  const params = new URLSearchParams(search);
  if (!params.has('prompt')) return undefined;
  const raw: Record<string, string> = {};
  for (const [field, name] of FIELDS) {
    const value = params.get(name);
    if (value !== null) raw[field] = value.slice(0, 20_000);
  }
  const parsed = generateRequestSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
