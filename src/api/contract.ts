/**
 * The AiArt REST API contract as data: every enum, limit and body shape, shared by the local
 * engine's request validation and the studio's response checks so the two cannot drift.
 */
import * as z from 'zod/mini';

export const STYLE_PRESETS = [
  '3d-model',
  'analog-film',
  'anime',
  'cinematic',
  'comic-book',
  'digital-art',
  'enhance',
  'fantasy-art',
  'isometric',
  'line-art',
  'low-poly',
  'modeling-compound',
  'neon-punk',
  'origami',
  'photographic',
  'pixel-art',
  'tile-texture',
] as const;
export type StylePreset = (typeof STYLE_PRESETS)[number];

export const ASPECT_RATIOS = ['1:1', '4:3', '16:9', '9:16', '3:4'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

export const OUTPUT_FORMATS = ['png', 'jpg', 'webp'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const MAX_SEED = 4_294_967_294;
export const MAX_PROMPT_LENGTH = 10_000;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** The most pixels an input image may have, against decompression bombs. */
export const MAX_INPUT_PIXELS = 40_000_000;
export const UPLOAD_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

export interface PixelSize {
  width: number;
  height: number;
}

/** Pixel sizes the local engine renders per aspect ratio (the hosted service may differ). */
export const IMAGE_SIZES: Record<AspectRatio, PixelSize> = {
  '1:1': { width: 1024, height: 1024 },
  '16:9': { width: 1344, height: 768 },
  '9:16': { width: 768, height: 1344 },
  '4:3': { width: 1152, height: 896 },
  '3:4': { width: 896, height: 1152 },
};

export const VIDEO_SIZES = {
  landscape: { width: 1024, height: 576 },
  portrait: { width: 576, height: 1024 },
  square: { width: 768, height: 768 },
} as const satisfies Record<string, PixelSize>;

/** The video frame the hosted service stretches an input to: ratio > 1.5, < 0.67, else square. */
export function videoSizeFor(input: PixelSize): PixelSize {
  const ratio = input.width / input.height;
  if (ratio > 1.5) return VIDEO_SIZES.landscape;
  if (ratio < 0.67) return VIDEO_SIZES.portrait;
  return VIDEO_SIZES.square;
}

export const VIDEO_DEFAULTS = { cfgScale: 1.5, motionBucketId: 127 } as const;

const oneOf = (field: string, values: readonly string[]) => () =>
  `${field} must be one of ${values.join(', ')}`;

const prompt = (field: string) =>
  z.string({ error: `${field} is required and must be text` }).check(
    z.trim(),
    z.minLength(1, `${field} must not be empty`),
    z.maxLength(MAX_PROMPT_LENGTH, `${field} must be at most ${MAX_PROMPT_LENGTH} characters`),
  );

const negativePrompt = z._default(
  z.string({ error: 'negative_prompt must be text' }).check(
    z.maxLength(MAX_PROMPT_LENGTH, `negative_prompt must be at most ${MAX_PROMPT_LENGTH} characters`),
  ),
  '',
);

/** An empty style means "no preset", as a form that leaves the picker on None would send. */
const stylePreset = z.optional(
  z.pipe(
    z.transform((value: unknown) => (value === '' || value === null ? undefined : value)),
    z.optional(z.enum(STYLE_PRESETS, { error: oneOf('style_preset', STYLE_PRESETS) })),
  ),
);

const aspectRatio = (fallback: AspectRatio) =>
  z._default(z.enum(ASPECT_RATIOS, { error: oneOf('aspect_ratio', ASPECT_RATIOS) }), fallback);

const outputFormat = z._default(
  z.enum(OUTPUT_FORMATS, { error: oneOf('output_format', OUTPUT_FORMATS) }),
  'png',
);

/** A number field that may arrive as JSON number or as multipart text; blank means default. */
const numberField = (field: string, rule: string, check: (n: number) => boolean, fallback: number) =>
  z.pipe(
    z.transform((value: unknown, ctx) => {
      if (value === undefined || value === '') return fallback;
      const n = typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n) || !check(n)) {
        ctx.issues.push({ code: 'custom', input: value, message: `${field} must be ${rule}` });
        return fallback;
      }
      return n;
    }),
    z.number(),
  );

/** A model id from /engine.json, `backend:model`; blank means "the engine's first model for this". */
export const MAX_MODEL_ID_LENGTH = 300;
export const MODEL_ID_PATTERN = /^[a-z0-9][a-z0-9-]*:\S/;
const model = z.optional(
  z.pipe(
    z.transform((value: unknown) => (value === '' || value === null ? undefined : value)),
    z.optional(
      z.string({ error: 'model must be text: a model id from /engine.json, such as local:preview' }).check(
        z.maxLength(MAX_MODEL_ID_LENGTH, `model must be at most ${MAX_MODEL_ID_LENGTH} characters`),
        z.regex(MODEL_ID_PATTERN, 'model must be a model id from /engine.json written backend:model, such as local:preview'),
      ),
    ),
  ),
);

const seed = numberField(
  'seed',
  `a whole number from 0 to ${MAX_SEED} (0 picks a random seed)`,
  (n) => Number.isInteger(n) && n >= 0 && n <= MAX_SEED,
  0,
);

export const generateRequestSchema = z.object({
  video_description: prompt('video_description'),
  negative_prompt: negativePrompt,
  style_preset: stylePreset,
  aspect_ratio: aspectRatio('16:9'),
  output_format: outputFormat,
  seed,
  model,
});
export type GenerateRequest = z.infer<typeof generateRequestSchema>;

export const imageToImageFieldsSchema = z.object({
  prompt: prompt('prompt'),
  negative_prompt: negativePrompt,
  strength: numberField('strength', 'a number from 0.0 to 1.0', (n) => n >= 0 && n <= 1, 0.7),
  style_preset: stylePreset,
  aspect_ratio: aspectRatio('1:1'),
  output_format: outputFormat,
  seed,
  model,
});
export type ImageToImageFields = z.infer<typeof imageToImageFieldsSchema>;

export const imageToVideoFieldsSchema = z.object({
  seed,
  cfg_scale: numberField(
    'cfg_scale',
    'a number from 0 to 10',
    (n) => n >= 0 && n <= 10,
    VIDEO_DEFAULTS.cfgScale,
  ),
  motion_bucket_id: numberField(
    'motion_bucket_id',
    'a whole number from 1 to 255',
    (n) => Number.isInteger(n) && n >= 1 && n <= 255,
    VIDEO_DEFAULTS.motionBucketId,
  ),
  model,
});
export type ImageToVideoFields = z.infer<typeof imageToVideoFieldsSchema>;

/** The request schema of each kind of result: text to image, image to image, image to video. */
export const REQUEST_SCHEMAS = { image: generateRequestSchema, transform: imageToImageFieldsSchema, video: imageToVideoFieldsSchema } as const;

const httpUrl = z.string().check(
  z.refine((value) => /^https?:\/\//i.test(value), 'must be an http(s) URL'),
);

/** Text-to-image and image-to-image answer alike; the hosted service adds fields, no seed. */
export const imageResponseSchema = z.looseObject({
  success: z.literal(true),
  message: z.optional(z.string()),
  image_url: httpUrl,
  seed: z.optional(z.number()),
  folder: z.optional(z.string()),
  /** The engine's model id that made it, when the engine offers several. */
  model: z.optional(z.string()),
});
export type ImageResponse = z.infer<typeof imageResponseSchema>;

export const videoStartResponseSchema = z.looseObject({
  success: z.literal(true),
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  message: z.optional(z.string()),
});
export type VideoStartResponse = z.infer<typeof videoStartResponseSchema>;

export const FINISH_REASONS = ['SUCCESS', 'CONTENT_FILTERED', 'ERROR'] as const;

export const videoResultResponseSchema = z.discriminatedUnion('status', [
  z.looseObject({ status: z.literal('in-progress'), message: z.optional(z.string()) }),
  z.looseObject({ status: z.literal('retry'), message: z.optional(z.string()) }),
  z.looseObject({
    status: z.literal('complete'),
    video_url: z.string().check(z.minLength(1)),
    finish_reason: z.string(),
    seed: z.union([z.string(), z.number()]),
  }),
]);
export type VideoResultResponse = z.infer<typeof videoResultResponseSchema>;

export const errorBodySchema = z.looseObject({
  error: z.string(),
  error_type: z.optional(z.string()),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const OPERATIONS = ['text-to-image', 'image-to-image', 'image-to-video'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** One model an engine offers, and which of the studio's controls it honours. */
export const engineModelSchema = z.object({
  /** `backend:model`, sent back as a request's `model`. */
  id: z.string(),
  label: z.string(),
  backend: z.string(),
  operations: z.array(z.enum(OPERATIONS)),
  aspectRatios: z.array(z.enum(ASPECT_RATIOS)),
  stylePresets: z.boolean(),
  negativePrompt: z.boolean(),
  seed: z.boolean(),
  strength: z.boolean(),
  /** The most pictures worth asking of it at once. */
  maxBatch: z.number(),
});
export type EngineModel = z.infer<typeof engineModelSchema>;

/**
 * /engine.json: what serves the studio. `models` are in the engine's order of preference: a
 * request without `model` goes to the first one offering its operation.
 */
export const engineInfoSchema = z.object({
  engine: z.enum(['local-preview', 'proxy', 'gateway']),
  upstream: z.optional(z.string()),
  allowedOrigins: z.array(z.string()),
  /** True when API requests need `Authorization: Bearer <AIART_ACCESS_TOKEN>`. */
  accessTokenRequired: z.optional(z.boolean()),
  backends: z.optional(
    z.array(z.object({ id: z.string(), label: z.string(), ready: z.boolean(), problem: z.optional(z.string()) })),
  ),
  models: z.optional(z.array(engineModelSchema)),
});
export type EngineInfoBody = z.infer<typeof engineInfoSchema>;

/** Media folders the service serves generated files from. */
export const MEDIA_FOLDERS = ['images', 'processed_images', 'processed_videos'] as const;
export type MediaFolder = (typeof MEDIA_FOLDERS)[number];

/** The folder the hosted service names when it answers a failed generation with a stock image. */
export const PLACEHOLDER_FOLDER = 'test_assets';
