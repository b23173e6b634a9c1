/** Backend configuration: what is read from the environment and the file, and every mistake named at start. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../config';
import { looksLikeKey } from './backends-file';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aiart-config-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function backendsFile(content: unknown, name = 'backends.json'): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('backend configuration', () => {
  it('offers only the local preview when nothing is configured', () => {
    expect(configFromEnv({}).backends).toEqual([]);
  });

  it('reads each backend from its variables, in a fixed order, with defaults and without a trailing /v1', () => {
    const { backends } = configFromEnv({
      AIART_UPSTREAM: 'https://aiart-zroo.onrender.com',
      AIART_OPENAI_API_KEY: 'sk-a',
      AIART_A1111_URL: 'http://127.0.0.1:7860/',
      AIART_A1111_AUTH: 'me:pw',
      AIART_STABILITY_API_KEY: 'sk-b',
      AIART_COMFYUI_URL: 'http://127.0.0.1:8188',
    });
    expect(backends.map((b) => [b.id, b.label, b.url])).toEqual([
      ['aiart', 'AiArt service', 'https://aiart-zroo.onrender.com'],
      ['stability', 'Stability AI', 'https://api.stability.ai'],
      ['a1111', 'AUTOMATIC1111', 'http://127.0.0.1:7860'],
      ['comfyui', 'ComfyUI', 'http://127.0.0.1:8188'],
      ['openai', 'OpenAI', 'https://api.openai.com'],
    ]);
    expect(configFromEnv({ AIART_OPENAI_API_KEY: 'k', AIART_OPENAI_URL: 'https://api.infip.pro/v1/' }).backends[0]).toMatchObject({ url: 'https://api.infip.pro', label: 'OpenAI-compatible images' });
  });

  it.each([
    [{ AIART_STABILITY_URL: 'http://x' }, 'AIART_STABILITY_URL is set but AIART_STABILITY_API_KEY is not: set AIART_STABILITY_API_KEY too'],
    [{ AIART_A1111_AUTH: 'a:b' }, 'AIART_A1111_AUTH is set but AIART_A1111_URL is not: set AIART_A1111_URL too'],
    [{ AIART_A1111_URL: 'http://127.0.0.1:7860', AIART_A1111_AUTH: 'nocolon' }, 'AIART_A1111_AUTH must be user:password, as given to --api-auth'],
    [{ AIART_A1111_URL: 'localhost:7860' }, 'AIART_A1111_URL must be an http(s) URL'],
    [{ AIART_A1111_URL: 'http://me:pw@127.0.0.1:7860' }, 'AIART_A1111_URL must not hold a user or password: give them in their own variable'],
    [{ AIART_COMFYUI_WORKFLOW: '/x.json' }, 'AIART_COMFYUI_WORKFLOW is set but AIART_COMFYUI_URL is not: set AIART_COMFYUI_URL too'],
    [{ AIART_COMFYUI_URL: 'http://127.0.0.1:8188', AIART_COMFYUI_WORKFLOW: '/no/such/flow.json' }, 'AIART_COMFYUI_WORKFLOW names /no/such/flow.json: no such file'],
    [{ AIART_OPENAI_API_KEY: 'two words' }, 'AIART_OPENAI_API_KEY must be one line of printable characters without spaces'],
    [{ AIART_OPENAI_URL: 'https://api.infip.pro' }, 'AIART_OPENAI_URL is set but AIART_OPENAI_API_KEY is not: set AIART_OPENAI_API_KEY too'],
    [{ AIART_BACKEND_TIMEOUT_SECONDS: 'soon' }, 'AIART_BACKEND_TIMEOUT_SECONDS must be a number from 0.1 to 3600; got "soon"'],
    [{ AIART_BACKENDS: '/no/such/backends.json' }, 'AIART_BACKENDS (/no/such/backends.json): no such file'],
  ])('stops the start naming the variable for %j', (env, message) => {
    expect(() => configFromEnv(env)).toThrow(message);
  });

  it('reads any number of backends from the AIART_BACKENDS file, keys from the variables it names', async () => {
    const file = await backendsFile({
      backends: [
        { id: 'openai', kind: 'openai', keyEnv: 'OPENAI_KEY' },
        { id: 'ghostapi', kind: 'openai', label: 'GhostAPI', url: 'https://api.infip.pro', keyEnv: 'GHOST_KEY', maxBatch: 2, models: [{ id: 'img4', label: 'Imagen 4' }] },
        { id: 'gpu-box', kind: 'automatic1111', url: 'http://10.0.0.5:7860', authEnv: 'GPU_AUTH', timeoutSeconds: 600 },
      ],
    });
    const { backends } = configFromEnv({ AIART_BACKENDS: file, OPENAI_KEY: 'sk-1', GHOST_KEY: 'g-2', GPU_AUTH: 'u:p' });
    expect(backends).toMatchObject([
      { id: 'openai', kind: 'openai', label: 'OpenAI-compatible images', url: 'https://api.openai.com', key: { value: 'sk-1', variable: 'OPENAI_KEY' } },
      { id: 'ghostapi', label: 'GhostAPI', url: 'https://api.infip.pro', maxBatch: 2, key: { variable: 'GHOST_KEY' }, models: [{ id: 'img4', label: 'Imagen 4' }] },
      { id: 'gpu-box', kind: 'automatic1111', timeoutMs: 600_000, auth: { value: 'u:p', variable: 'GPU_AUTH' } },
    ]);
  });

  it.each([
    [{ backends: [{ id: 'o', kind: 'openai', keyEnv: 'K', apiKey: 'x' }] }, /backends\[0\]\.apiKey would hold a secret/],
    [{ backends: [{ id: 'o', kind: 'openai', keyEnv: 'sk-proj-abcdefghijkl0123' }] }, /backends\[0\]\.keyEnv looks like a key/],
    [{ backends: [{ id: 'o', kind: 'openai', keyEnv: 'K', label: 'Mine Xq7RtY2vB9nM4kLpW3zA8cD1' }] }, /backends\[0\]\.label looks like a key/],
    [{ backends: [{ id: 'o', kind: 'openai', keyEnv: 'lower_case' }] }, /file\.backends\[0\]\.keyEnv: must name an environment variable/],
    [{ backends: [{ id: 'o', kind: 'midjourney' }] }, /file\.backends\[0\]\.kind/],
    [{ backends: [{ id: 'Bad Id', kind: 'comfyui', url: 'http://x' }] }, /id must be 1 to 32 lower-case letters/],
    [{ backends: [{ id: 'local', kind: 'comfyui', url: 'http://x' }] }, /id "local" is the local preview/],
    [{ backends: [{ id: 'o', kind: 'openai', keyEnv: 'UNSET_KEY' }] }, /backends\[0\]\.keyEnv names UNSET_KEY, which is not set/],
    [{ backends: [{ id: 'c', kind: 'comfyui' }] }, /file\.backends\[0\]\.url/],
    [{ backends: [{ id: 'o', kind: 'openai', keyEnv: 'K', url: 'ftp://x' }] }, /backends\[0\]\.url must be an http\(s\) URL/],
    ['{"backends": [', /: not valid JSON/],
  ])('refuses a bad file, naming where: %j', async (content, message) => {
    const file = await backendsFile(content);
    expect(() => configFromEnv({ AIART_BACKENDS: file, K: 'key' })).toThrow(message);
  });

  it('refuses two backends with one id', async () => {
    const file = await backendsFile({ backends: [{ id: 'stability', kind: 'stability', keyEnv: 'K' }] });
    expect(() => configFromEnv({ AIART_BACKENDS: file, K: 'key', AIART_STABILITY_API_KEY: 'k2' })).toThrow('Two backends have the id "stability"');
  });

  it('tells keys from names', () => {
    for (const key of ['sk-proj-Abc123def456ghi789', 'sk-abcdef123456', 'Xq7RtY2vB9nM4kLpW3zA8cD1eF5g', 'Bearer abc.def']) expect(looksLikeKey(key)).toBe(true);
    for (const name of ['gpt-image-1', 'stable-diffusion-xl-1024-v1-0', 'sd_xl_base_1.0.safetensors', 'Imagen 4', 'OPENAI_API_KEY', 'https://api.infip.pro', 'flux-schnell']) {
      expect(looksLikeKey(name)).toBe(false);
    }
  });
});

describe('access token', () => {
  it('is required to listen beyond loopback with a paid backend, naming what spends credits', () => {
    expect(() => configFromEnv({ HOST: '0.0.0.0', AIART_STABILITY_API_KEY: 'k' })).toThrow(
      'HOST=0.0.0.0 lets other machines use this engine, and Stability AI spends your credits: set AIART_ACCESS_TOKEN to a long random secret',
    );
    expect(() => configFromEnv({ HOST: '::', AIART_OPENAI_API_KEY: 'k', AIART_STABILITY_API_KEY: 'k' })).toThrow(/Stability AI, OpenAI spend your credits/);
  });

  it('is not required on loopback, nor for free backends, and must be long when given', () => {
    expect(configFromEnv({ HOST: '127.0.0.1', AIART_STABILITY_API_KEY: 'k' }).accessToken).toBeUndefined();
    expect(configFromEnv({ HOST: 'localhost', AIART_OPENAI_API_KEY: 'k' }).accessToken).toBeUndefined();
    expect(configFromEnv({ HOST: '0.0.0.0', AIART_A1111_URL: 'http://127.0.0.1:7860' }).accessToken).toBeUndefined();
    expect(configFromEnv({ HOST: '0.0.0.0', AIART_STABILITY_API_KEY: 'k', AIART_ACCESS_TOKEN: 'a'.repeat(24) }).accessToken).toBe('a'.repeat(24));
    expect(() => configFromEnv({ AIART_ACCESS_TOKEN: 'short' })).toThrow('AIART_ACCESS_TOKEN must be at least 16 characters without spaces');
  });
});
