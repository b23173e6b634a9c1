/**
 * Style presets for backends that have none: each preset becomes words around the prompt and
 * things to avoid, from this one table (the way Fooocus turns its styles into prompt text).
 */
import type { StylePreset } from '../../src/api/contract';

interface StyleWords {
  /** `{prompt}` marks where the creator's prompt goes. */
  prompt: string;
  avoid: string;
}

export const STYLE_WORDS: Record<StylePreset, StyleWords> = {
  '3d-model': { prompt: '3D render of {prompt}, studio lighting, soft shadows, clean materials', avoid: 'flat, sketch, photo grain' },
  'analog-film': { prompt: 'analog film photograph of {prompt}, film grain, faded colours, light leaks', avoid: 'digital look, oversaturated, cartoon' },
  anime: { prompt: 'anime illustration of {prompt}, cel shading, crisp line art, vivid colours', avoid: 'photo, realistic skin, 3D render' },
  cinematic: { prompt: 'cinematic still of {prompt}, wide lens, dramatic lighting, colour graded, shallow depth of field', avoid: 'cartoon, flat lighting, snapshot' },
  'comic-book': { prompt: 'comic book panel of {prompt}, bold ink outlines, halftone shading, flat bright colours', avoid: 'photo, soft focus, painterly' },
  'digital-art': { prompt: 'digital painting of {prompt}, detailed, rich colours, concept art', avoid: 'photo, film grain, sketchy' },
  enhance: { prompt: '{prompt}, highly detailed, sharp focus, balanced colours, professional quality', avoid: 'blurry, noisy, low quality' },
  'fantasy-art': { prompt: 'fantasy artwork of {prompt}, epic, magical light, intricate detail, painterly', avoid: 'modern, mundane, photo' },
  isometric: { prompt: 'isometric view of {prompt}, clean geometry, orthographic, miniature diorama', avoid: 'perspective distortion, blurry, photo' },
  'line-art': { prompt: 'line art drawing of {prompt}, clean black outlines on white, minimal shading', avoid: 'colour fill, photo, gradients' },
  'low-poly': { prompt: 'low-poly model of {prompt}, faceted polygons, flat shading, simple palette', avoid: 'smooth surfaces, photo, noise' },
  'modeling-compound': { prompt: 'claymation figure of {prompt}, modelling clay, handmade texture, soft studio light', avoid: 'photo, glossy plastic, drawing' },
  'neon-punk': { prompt: 'neon punk scene of {prompt}, glowing neon lights, cyberpunk, magenta and cyan, night', avoid: 'daylight, muted colours, pastel' },
  origami: { prompt: 'origami paper sculpture of {prompt}, folded paper, crisp creases, soft light', avoid: 'photo of real object, drawing, clay' },
  photographic: { prompt: 'photograph of {prompt}, natural light, realistic detail, 50mm lens', avoid: 'drawing, painting, cartoon, 3D render' },
  'pixel-art': { prompt: 'pixel art of {prompt}, 16-bit sprite style, limited palette, crisp pixels', avoid: 'smooth gradients, blur, photo' },
  'tile-texture': { prompt: 'seamless tileable texture of {prompt}, even lighting, top-down, repeating pattern', avoid: 'perspective, visible seams, objects in frame' },
};

/** The prompt and negative prompt with the preset's words added; unchanged without a preset. */
export function applyStyleWords(prompt: string, negativePrompt: string, preset: StylePreset | undefined) {
  if (!preset) return { prompt, negativePrompt };
  const words = STYLE_WORDS[preset];
  return {
    prompt: words.prompt.replace('{prompt}', prompt),
    negativePrompt: negativePrompt ? `${negativePrompt}, ${words.avoid}` : words.avoid,
  };
}
