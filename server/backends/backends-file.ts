/**
 * The AIART_BACKENDS file: any number of backends, e.g. OpenAI and GhostAPI side by side. It names
 * keys by environment variable and never holds one: a field meant for a secret, or a value shaped
 * like a key, stops the start.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod/mini';
import { loadWorkflow } from './comfyui-workflow';
import type { BackendSettings, Secret } from './settings';

type Env = Record<string, string | undefined>;

const SECRET_FIELD = /^(api[-_]?key|key|token|secret|password|auth|authorization|credentials?)$/i;
const KEY_PREFIX = /^(sk|pk|rk|key|infip)[-_][A-Za-z0-9_-]{8,}$/;
const TOKEN_RUN = /[A-Za-z0-9]{24,}/g;

/** Long runs of letters mixed with several digits: how keys look, and how names rarely do. */
export function looksLikeKey(value: string): boolean {
  if (KEY_PREFIX.test(value.trim()) || /^bearer\s/i.test(value.trim())) return true;
  return (value.match(TOKEN_RUN) ?? []).some((run) => /[A-Za-z]/.test(run) && (run.match(/\d/g) ?? []).length >= 4);
}

function refuseSecrets(value: unknown, at: string, source: string): void {
  if (typeof value === 'string' && looksLikeKey(value)) {
    throw new Error(`${source}: ${at} looks like a key. The file must name keys by environment variable (keyEnv), never hold one.`);
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [field, item] of Object.entries(value)) {
    const here = Array.isArray(value) ? `${at}[${field}]` : `${at}.${field}`;
    if (!Array.isArray(value) && SECRET_FIELD.test(field)) {
      throw new Error(`${source}: ${here} would hold a secret. Put it in an environment variable and name that variable in keyEnv (or authEnv).`);
    }
    refuseSecrets(item, here, source);
  }
}

const envName = z.string().check(
  z.regex(/^[A-Z_][A-Z0-9_]{0,63}$/, 'must name an environment variable (upper-case letters, digits and _), not hold a value'),
);
const common = {
  id: z.string().check(
    z.regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'id must be 1 to 32 lower-case letters, digits or dashes'),
    z.refine((id) => id !== 'local', 'id "local" is the local preview'),
  ),
  label: z.optional(z.string().check(z.minLength(1), z.maxLength(60))),
  url: z.optional(z.string()),
  maxBatch: z.optional(z.int().check(z.minimum(1), z.maximum(16))),
  timeoutSeconds: z.optional(z.number().check(z.minimum(1), z.maximum(3600))),
};
const configuredModel = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  label: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
  operations: z.optional(z.array(z.enum(['text-to-image', 'image-to-image']))),
});
const fileSchema = z.strictObject({
  backends: z.array(
    z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('stability'), ...common, keyEnv: envName }),
      z.strictObject({ kind: z.literal('automatic1111'), ...common, url: z.string(), authEnv: z.optional(envName) }),
      z.strictObject({ kind: z.literal('comfyui'), ...common, url: z.string(), workflow: z.optional(z.string()) }),
      z.strictObject({ kind: z.literal('openai'), ...common, keyEnv: envName, models: z.optional(z.array(configuredModel)) }),
    ]),
  ),
});

export const DEFAULT_URLS = { stability: 'https://api.stability.ai', openai: 'https://api.openai.com' } as const;
export const KIND_LABELS = {
  aiart: 'AiArt service',
  stability: 'Stability AI',
  automatic1111: 'AUTOMATIC1111',
  comfyui: 'ComfyUI',
  openai: 'OpenAI-compatible images',
} as const;

export interface FileHelpers {
  baseUrl(raw: string, name: string): string;
  secret(env: Env, variable: string, source: string): Secret;
  timeoutMs: number;
}

export function readBackendsFile(file: string, env: Env, helpers: FileHelpers): BackendSettings[] {
  const source = `AIART_BACKENDS (${file})`;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not valid JSON';
    throw new Error(`${source}: ${reason}`, { cause: error });
  }
  refuseSecrets(raw, 'file', source);
  // English messages for this parse only: zod/mini carries none of its own.
  const parsed = fileSchema.safeParse(raw, { error: z.locales.en().localeError });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    throw new Error(`${source}: file${at}: ${issue.message}`);
  }
  return parsed.data.backends.map((entry, index): BackendSettings => {
    const at = `${source} backends[${index}]`;
    const base = {
      id: entry.id,
      label: entry.label ?? KIND_LABELS[entry.kind],
      urlVariable: `${source} backends[${index}].url`,
      timeoutMs: entry.timeoutSeconds ? entry.timeoutSeconds * 1000 : helpers.timeoutMs,
      maxBatch: entry.maxBatch,
    };
    const url = (fallback?: string) => {
      const value = entry.url ?? fallback;
      if (!value) throw new Error(`${at}: url is required for kind ${entry.kind}`);
      return helpers.baseUrl(value, `${at}.url`);
    };
    switch (entry.kind) {
      case 'stability':
        return { ...base, kind: 'stability', url: url(DEFAULT_URLS.stability), key: helpers.secret(env, entry.keyEnv, `${at}.keyEnv`) };
      case 'openai':
        return { ...base, kind: 'openai', url: url(DEFAULT_URLS.openai), key: helpers.secret(env, entry.keyEnv, `${at}.keyEnv`), models: entry.models };
      case 'automatic1111':
        return { ...base, kind: 'automatic1111', url: url(), auth: entry.authEnv ? helpers.secret(env, entry.authEnv, `${at}.authEnv`) : undefined };
      case 'comfyui':
        return {
          ...base,
          kind: 'comfyui',
          url: url(),
          workflow: entry.workflow ? loadWorkflow(path.resolve(path.dirname(file), entry.workflow), `${at}.workflow`) : undefined,
        };
    }
  });
}
