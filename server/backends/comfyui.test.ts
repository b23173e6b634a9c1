/** ComfyUI through the engine, against a fake that validates the queued graph node by node. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../config';
import { type FakeComfyUi, startFakeComfyUi } from '../testing/fakes/fake-comfyui';
import { sizeOf } from '../testing/fakes/fake-media';
import { readForm } from '../testing/fakes/fake-server';
import { decodedSize, download, form, postForm, postJson, testPicture } from '../testing/fixtures';
import { startTestEngine, type TestEngine } from '../testing/test-engine';
import { STYLE_WORDS } from './style-prompts';

const CHECKPOINTS = ['sd_xl_base_1.0.safetensors', 'flux1-schnell-fp8.safetensors'];
let fake: FakeComfyUi;
let engine: TestEngine;
let workflows: string;
beforeAll(async () => {
  fake = await startFakeComfyUi({ checkpoints: CHECKPOINTS });
  engine = await startTestEngine({ AIART_COMFYUI_URL: fake.url });
  workflows = await mkdtemp(path.join(tmpdir(), 'aiart-workflows-'));
});
afterAll(async () => {
  await engine.dispose();
  await fake.close();
  await rm(workflows, { recursive: true, force: true });
});

type Graph = Record<string, { class_type: string; inputs: Record<string, unknown> }>;
const lastGraph = (server: FakeComfyUi = fake) => [...server.graphs.values()].at(-1)!;
const nodeOf = (graph: Graph, type: string) => Object.values(graph).find((n) => n.class_type === type)!;
const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;

describe('ComfyUI backend', () => {
  it.each([false, true])('lists the checkpoints from /object_info (newer combo format: %s)', async (newComboFormat) => {
    const server = await startFakeComfyUi({ checkpoints: CHECKPOINTS, newComboFormat });
    const front = await startTestEngine({ AIART_COMFYUI_URL: server.url });
    try {
      const info = (await (await fetch(`${front.url}/engine.json`)).json()) as { models: Array<{ id: string; label: string }> };
      expect(info.models.map((m) => [m.id, m.label])).toEqual([
        ['comfyui:sd_xl_base_1.0.safetensors', 'sd_xl_base_1.0'],
        ['comfyui:flux1-schnell-fp8.safetensors', 'flux1-schnell-fp8'],
        ['local:preview', 'Local preview (procedural art, not AI)'],
      ]);
    } finally {
      await front.dispose();
      await server.close();
    }
  });

  it('queues the built-in text-to-image graph, polls the history and keeps the saved picture', async () => {
    const res = await postJson(`${engine.url}/api/generate`, {
      video_description: 'a red barn',
      negative_prompt: 'snow',
      style_preset: 'origami',
      aspect_ratio: '9:16',
      seed: 1234,
      model: 'comfyui:flux1-schnell-fp8.safetensors',
    });
    expect(res.status).toBe(200);
    const graph = lastGraph();
    expect(nodeOf(graph, 'CheckpointLoaderSimple').inputs).toEqual({ ckpt_name: 'flux1-schnell-fp8.safetensors' });
    const texts = Object.values(graph).filter((n) => n.class_type === 'CLIPTextEncode').map((n) => n.inputs.text);
    expect(texts).toEqual([STYLE_WORDS.origami.prompt.replace('{prompt}', 'a red barn'), `snow, ${STYLE_WORDS.origami.avoid}`]);
    expect(nodeOf(graph, 'EmptyLatentImage').inputs).toEqual({ width: 768, height: 1344, batch_size: 1 });
    expect(nodeOf(graph, 'KSampler').inputs).toMatchObject({ seed: 1234, denoise: 1 });
    const paths = fake.requests.map((r) => r.path);
    expect(paths.filter((p) => p.startsWith('/history/')).length).toBeGreaterThanOrEqual(3);
    expect(paths.at(-1)).toBe('/view');
    const body = (await res.json()) as { image_url: string; seed: number; model: string };
    expect(body).toMatchObject({ seed: 1234, model: 'comfyui:flux1-schnell-fp8.safetensors' });
    expect(await decodedSize(await download(body.image_url))).toEqual({ format: 'png', width: 768, height: 1344 });
  });

  it('uploads the picture to transform and feeds it through LoadImage and VAEEncode, denoising by the strength', async () => {
    const res = await postForm(`${engine.url}/api/img2img`, form({ prompt: 'oil painting', strength: '0.55', output_format: 'jpg' }, { bytes: await testPicture(500, 700), name: 'a.png' }));
    expect(res.status).toBe(200);
    const upload = fake.requests.find((r) => r.path === '/upload/image')!;
    const sent = (await readForm(upload))!;
    expect(sent.fields).toMatchObject({ type: 'input', overwrite: 'true' });
    expect(sent.files.image.name).toMatch(/^aiart-[a-f0-9]{16}\.png$/);
    expect(await sizeOf(sent.files.image.bytes)).toMatchObject({ width: 1024, height: 1024 });
    const graph = lastGraph();
    expect(nodeOf(graph, 'LoadImage').inputs).toEqual({ image: sent.files.image.name });
    expect(nodeOf(graph, 'VAEEncode').inputs).toEqual({ pixels: ['8', 0], vae: ['1', 2] });
    expect(nodeOf(graph, 'KSampler').inputs).toMatchObject({ denoise: 0.55, latent_image: ['4', 0] });
    const { image_url } = (await res.json()) as { image_url: string };
    expect(await decodedSize(await download(image_url))).toEqual({ format: 'jpeg', width: 1024, height: 1024 });
  });

  it('answers a run that failed inside ComfyUI with its reason', async () => {
    const res = await postJson(`${engine.url}/api/generate`, { video_description: 'explode the GPU' });
    expect(res.status).toBe(502);
    expect(await errorOf(res)).toBe('ComfyUI could not run the graph: Allocation on device 0 would exceed allowed memory. (out of memory)');
  });

  it('passes on a graph ComfyUI refuses', async () => {
    fake.failNext({ status: 400, body: { error: { type: 'prompt_outputs_failed_validation', message: 'Prompt outputs failed validation', details: '' }, node_errors: {} } }, '/prompt');
    const res = await postJson(`${engine.url}/api/generate`, { video_description: 'x' });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toBe('ComfyUI did not accept the request (HTTP 400): Prompt outputs failed validation');
  });

  it("runs a creator's own workflow with its placeholders filled, as numbers where a number goes", async () => {
    const file = path.join(workflows, 'My Portrait Flow.json');
    const graph = {
      '3': { class_type: 'KSampler', inputs: { seed: '{{seed}}', steps: 8, cfg: 2, sampler_name: 'euler', scheduler: 'simple', denoise: 1, model: ['4', 0], positive: ['6', 0], negative: ['7', 0], latent_image: ['5', 0] } },
      '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'sd_xl_base_1.0.safetensors' } },
      '5': { class_type: 'EmptyLatentImage', inputs: { width: '{{width}}', height: '{{height}}', batch_size: 1 } },
      '6': { class_type: 'CLIPTextEncode', inputs: { text: 'masterpiece, {{prompt}}', clip: ['4', 1] } },
      '7': { class_type: 'CLIPTextEncode', inputs: { text: '{{negative_prompt}}', clip: ['4', 1] } },
      '8': { class_type: 'VAEDecode', inputs: { samples: ['3', 0], vae: ['4', 2] } },
      '9': { class_type: 'SaveImage', inputs: { filename_prefix: 'portrait', images: ['8', 0] } },
    };
    await writeFile(file, JSON.stringify(graph));
    const custom = await startTestEngine({ AIART_COMFYUI_URL: fake.url, AIART_COMFYUI_WORKFLOW: file });
    try {
      const info = (await (await fetch(`${custom.url}/engine.json`)).json()) as { models: Array<{ id: string; operations: string[] }> };
      expect(info.models[0]).toMatchObject({ id: 'comfyui:my-portrait-flow', operations: ['text-to-image'] });
      const res = await postJson(`${custom.url}/api/generate`, { video_description: 'an old sailor', negative_prompt: 'hat', aspect_ratio: '4:3', seed: 99 });
      expect(res.status).toBe(200);
      const sent = lastGraph();
      expect(sent['3'].inputs.seed).toBe(99);
      expect(sent['5'].inputs).toEqual({ width: 1152, height: 896, batch_size: 1 });
      expect(sent['6'].inputs.text).toBe('masterpiece, an old sailor');
      expect(sent['7'].inputs.text).toBe('hat');
      expect(await res.json()).toMatchObject({ seed: 99, model: 'comfyui:my-portrait-flow', width: 1152, height: 896 });
    } finally {
      await custom.dispose();
    }
  });

  it('refuses a workflow saved in the editor format at start, naming the variable', async () => {
    const file = path.join(workflows, 'editor.json');
    await writeFile(file, JSON.stringify({ nodes: [], links: [], version: 0.4 }));
    expect(() => configFromEnv({ AIART_COMFYUI_URL: fake.url, AIART_COMFYUI_WORKFLOW: file })).toThrow(
      `AIART_COMFYUI_WORKFLOW names ${file}, an editor workflow: export it from ComfyUI with "Save (API Format)"`,
    );
  });
});
