import { describe, expect, it } from 'vitest';
import { engineModel as model } from '../test/engine-models';
import { fitRatio, modelName, pageModel } from './model-choice';
import { EVERY_CONTROL } from './page-model';
import { missingModelNotice, recipeModelChoice } from './model-notices';

const dreamshaper = model('a1111:dreamshaper_8.safetensors [879db523c3]', 'dreamshaper_8');
const sdxl = model('a1111:sdxl_base.safetensors', 'sdxl_base');
const dalle2 = model('openai:dall-e-2', 'dall-e-2', { operations: ['text-to-image'], aspectRatios: ['1:1'], negativePrompt: false, seed: false, strength: false, maxBatch: 1 });
const workflow = model('comfyui:my-workflow', 'My workflow', { operations: ['image-to-image'], stylePresets: false, strength: false });
const local = model('local:preview', 'Local preview (procedural art, not AI)', { operations: ['text-to-image', 'image-to-image', 'image-to-video'] });
const backends = [
  { id: 'a1111', label: 'AUTOMATIC1111', ready: true },
  { id: 'openai', label: 'OpenAI', ready: true },
  { id: 'comfyui', label: 'ComfyUI', ready: true },
  { id: 'local', label: 'Local preview', ready: true },
];
const info = { backends, models: [dreamshaper, sdxl, dalle2, workflow, local] };

describe('the model a page uses', () => {
  it('offers every control and sends no model when the engine lists none', () => {
    for (const listed of [undefined, null, { models: undefined }, { models: [] }]) {
      const page = pageModel(listed, 'text-to-image', 'a1111:dreamshaper_8.safetensors [879db523c3]');
      expect(page).toMatchObject({ offered: [], available: true, controls: EVERY_CONTROL, notes: {} });
      expect(page.send).toBeUndefined();
      expect(page.fitRequest({ aspect_ratio: '4:3', negative_prompt: 'blur', style_preset: 'anime' })).toEqual({ aspect_ratio: '4:3', negative_prompt: 'blur', style_preset: 'anime' });
    }
  });

  it("lists only the models offering the page's operation, the engine's first as the default, and sends none unchosen", () => {
    const page = pageModel(info, 'image-to-image', '');
    expect(page.offered.map((m) => m.id)).toEqual([dreamshaper.id, sdxl.id, workflow.id, local.id]);
    expect(page.model).toBe(dreamshaper);
    expect(page.send).toBeUndefined();
    expect(pageModel(info, 'image-to-video', '').offered).toEqual([local]);
  });

  it('sends a chosen model the engine lists for the operation', () => {
    expect(pageModel(info, 'text-to-image', sdxl.id)).toMatchObject({ model: sdxl, send: sdxl.id, missing: undefined });
  });

  it('falls back to the default for a remembered model the engine no longer lists, or lists for another operation, and says so', () => {
    for (const gone of ['a1111:deleted.safetensors', dalle2.id]) {
      const page = pageModel({ ...info, backends: [{ ...backends[0], ready: false, problem: 'AUTOMATIC1111 at http://127.0.0.1:7860 did not answer' }, ...backends.slice(1)] }, 'image-to-image', gone);
      expect(page).toMatchObject({ model: dreamshaper, send: undefined, missing: gone });
    }
    const page = pageModel(info, 'image-to-image', 'a1111:deleted.safetensors');
    expect(missingModelNotice(page, backends)).toBe(
      'The model chosen here before, “a1111:deleted.safetensors”, is not offered by this engine now: dreamshaper_8 (AUTOMATIC1111), its default, is used instead.',
    );
    const down = [{ ...backends[0], ready: false, problem: 'AUTOMATIC1111 did not answer' }];
    expect(missingModelNotice(page, down)).toContain('(AUTOMATIC1111 did not answer)');
    expect(missingModelNotice(pageModel(info, 'image-to-image', sdxl.id), backends)).toBeUndefined();
  });

  it('says when no model offers the operation', () => {
    const page = pageModel({ backends, models: [dreamshaper, dalle2] }, 'image-to-video', '');
    expect(page).toMatchObject({ available: false, offered: [], model: undefined, send: undefined });
  });
});

describe('which controls show for which model', () => {
  it('shows every control for a model that honours them all', () => {
    expect(pageModel(info, 'text-to-image', sdxl.id)).toMatchObject({ controls: EVERY_CONTROL, notes: {} });
  });

  it('narrows ratios and batch, and explains the negative prompt and seed, for a model without them', () => {
    const page = pageModel(info, 'text-to-image', dalle2.id);
    expect(page.controls).toEqual({ aspectRatios: ['1:1'], stylePresets: true, negativePrompt: false, seed: false, strength: false, maxBatch: 1 });
    expect(page.notes.negativePrompt).toBe('dall-e-2 (OpenAI) takes no negative prompt: say what you want in the prompt instead.');
    expect(page.notes.seed).toMatch(/takes no seed/);
    expect(page.notes.style).toBeUndefined();
  });

  it('explains style and strength for a model that takes neither', () => {
    const { notes, controls } = pageModel(info, 'image-to-image', workflow.id);
    expect(controls).toMatchObject({ stylePresets: false, strength: false });
    expect(notes.style).toBe('My workflow (ComfyUI) takes no style presets, so none is sent: describe the look in the prompt instead.');
    expect(notes.strength).toMatch(/takes no strength/);
  });

  it('keeps the batch within 1 to 4, whatever the engine says', () => {
    expect(pageModel({ models: [model('a:b', 'b', { maxBatch: 16 })] }, 'text-to-image', '').controls.maxBatch).toBe(4);
    expect(pageModel({ models: [model('a:b', 'b', { maxBatch: 0 })] }, 'text-to-image', '').controls.maxBatch).toBe(1);
  });

  it('fits a ratio the model does not draw to the nearest shape it does', () => {
    const wide = { ...EVERY_CONTROL, aspectRatios: ['16:9', '9:16'] as const };
    expect(fitRatio('4:3', wide)).toBe('16:9');
    expect(fitRatio('3:4', wide)).toBe('9:16');
    expect(fitRatio('9:16', wide)).toBe('9:16');
    expect(fitRatio('16:9', { ...EVERY_CONTROL, aspectRatios: ['1:1'] })).toBe('1:1');
  });

  it('fits a request to the model: its ratio, nothing it ignores, and the model only when chosen', () => {
    const request = { video_description: 'a fox', negative_prompt: 'blur', style_preset: 'anime', aspect_ratio: '16:9' as const, output_format: 'png', seed: 5 };
    expect(pageModel(info, 'text-to-image', dalle2.id).fitRequest(request)).toEqual({ ...request, negative_prompt: '', aspect_ratio: '1:1', model: dalle2.id });
    expect(pageModel(info, 'text-to-image', '').fitRequest(request)).toEqual(request);
    expect(pageModel(info, 'text-to-image', 'a1111:gone').fitRequest(request)).not.toHaveProperty('model');
    expect(pageModel(info, 'image-to-image', workflow.id).fitRequest(request).style_preset).toBeUndefined();
  });
});

describe("a recipe's model", () => {
  it('is chosen when the engine lists it', () => {
    expect(recipeModelChoice(pageModel(info, 'text-to-image', ''), sdxl.id, backends)).toEqual({ model: sdxl.id });
  });

  it('falls to the same backend first, then to the default, never the unknown one', () => {
    const page = pageModel(info, 'text-to-image', '');
    const sameBackend = recipeModelChoice(page, 'a1111:gone.safetensors', backends);
    expect(sameBackend).toEqual({
      model: dreamshaper.id,
      notice: 'This recipe was made with “a1111:gone.safetensors”, which this engine does not offer: dreamshaper_8 (AUTOMATIC1111), the closest it has, is chosen instead.',
    });
    const elsewhere = recipeModelChoice(page, 'stability:sd3.5-large', backends);
    expect(elsewhere.model).toBe(dreamshaper.id);
    expect(elsewhere.notice).toContain('“stability:sd3.5-large”');
    // A model another operation offers is not the closest for this one.
    expect(recipeModelChoice(pageModel(info, 'image-to-video', ''), 'openai:dall-e-3', backends).model).toBe(local.id);
  });

  it('is left out, with a word, where the backend lists no models', () => {
    const choice = recipeModelChoice(pageModel(undefined, 'text-to-image', ''), 'a1111:x', backends);
    expect(choice.model).toBeUndefined();
    expect(choice.notice).toMatch(/offers no choice of model/);
  });

  it('shortens a long id in what it says', () => {
    const notice = recipeModelChoice(pageModel(info, 'text-to-image', ''), `a1111:${'x'.repeat(290)}`, backends).notice!;
    expect(notice.length).toBeLessThan(260);
  });
});

describe('model names', () => {
  it("add the backend's name unless the label starts with it", () => {
    expect(modelName(sdxl, backends)).toBe('sdxl_base (AUTOMATIC1111)');
    expect(modelName(local, backends)).toBe('Local preview (procedural art, not AI)');
    expect(modelName(sdxl, undefined)).toBe('sdxl_base (a1111)');
  });
});
