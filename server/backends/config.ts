/**
 * Which backends the engine offers, read once at start from environment variables and the
 * optional AIART_BACKENDS file, and whether API requests need the access token. Every mistake
 * stops the start with a message naming the variable.
 */
import { DEFAULT_URLS, KIND_LABELS, readBackendsFile } from './backends-file';
import { loadWorkflow } from './comfyui-workflow';
import { type BackendSettings, PAID_KINDS, type Secret } from './settings';

type Env = Record<string, string | undefined>;

export interface GatewayConfig {
  /** In the order a request without a model tries them; the local preview comes after all. */
  backends: BackendSettings[];
  accessToken?: string;
}

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|\[::1\]|localhost)$/i;

/** `raw` as an http(s) URL, or an error naming the variable it came from. */
export function httpUrl(raw: string, name: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an http(s) URL; got "${raw.slice(0, 200)}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must be an http(s) URL`);
  return url;
}

function baseUrl(raw: string, name: string): string {
  const url = httpUrl(raw, name);
  if (url.username || url.password) throw new Error(`${name} must not hold a user or password: give them in their own variable`);
  if (url.search || url.hash) throw new Error(`${name} must be a base URL without ? or #`);
  // OpenAI-style base URLs are often given with their /v1; the adapters add it themselves.
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '').replace(/\/v1$/, '');
}

function secret(env: Env, variable: string, source: string): Secret {
  const value = env[variable];
  if (!value) throw new Error(`${source} names ${variable}, which is not set`);
  if (!/^[\x21-\x7e]+$/.test(value)) throw new Error(`${variable} must be one line of printable characters without spaces`);
  return { value, variable };
}

function requires(env: Env, dependent: string, needed: string): void {
  if (env[dependent] && !env[needed]) throw new Error(`${dependent} is set but ${needed} is not: set ${needed} too`);
}

function fromVariables(env: Env, timeoutMs: number): BackendSettings[] {
  const out: BackendSettings[] = [];
  const common = (id: string, label: string, url: string, urlVariable: string) => ({ id, label, url, urlVariable, timeoutMs });
  requires(env, 'AIART_STABILITY_URL', 'AIART_STABILITY_API_KEY');
  if (env.AIART_STABILITY_API_KEY) {
    const url = baseUrl(env.AIART_STABILITY_URL || DEFAULT_URLS.stability, 'AIART_STABILITY_URL');
    out.push({ ...common('stability', KIND_LABELS.stability, url, 'AIART_STABILITY_URL'), kind: 'stability', key: secret(env, 'AIART_STABILITY_API_KEY', 'AIART_STABILITY_API_KEY') });
  }
  requires(env, 'AIART_A1111_AUTH', 'AIART_A1111_URL');
  if (env.AIART_A1111_URL) {
    const auth = env.AIART_A1111_AUTH ? secret(env, 'AIART_A1111_AUTH', 'AIART_A1111_AUTH') : undefined;
    if (auth && !/^[^:]+:.+$/.test(auth.value)) throw new Error('AIART_A1111_AUTH must be user:password, as given to --api-auth');
    out.push({ ...common('a1111', KIND_LABELS.automatic1111, baseUrl(env.AIART_A1111_URL, 'AIART_A1111_URL'), 'AIART_A1111_URL'), kind: 'automatic1111', auth });
  }
  requires(env, 'AIART_COMFYUI_WORKFLOW', 'AIART_COMFYUI_URL');
  if (env.AIART_COMFYUI_URL) {
    const workflow = env.AIART_COMFYUI_WORKFLOW ? loadWorkflow(env.AIART_COMFYUI_WORKFLOW, 'AIART_COMFYUI_WORKFLOW') : undefined;
    out.push({ ...common('comfyui', KIND_LABELS.comfyui, baseUrl(env.AIART_COMFYUI_URL, 'AIART_COMFYUI_URL'), 'AIART_COMFYUI_URL'), kind: 'comfyui', workflow });
  }
  requires(env, 'AIART_OPENAI_URL', 'AIART_OPENAI_API_KEY');
  if (env.AIART_OPENAI_API_KEY) {
    const url = baseUrl(env.AIART_OPENAI_URL || DEFAULT_URLS.openai, 'AIART_OPENAI_URL');
    const label = url === DEFAULT_URLS.openai ? 'OpenAI' : KIND_LABELS.openai;
    out.push({ ...common('openai', label, url, 'AIART_OPENAI_URL'), kind: 'openai', key: secret(env, 'AIART_OPENAI_API_KEY', 'AIART_OPENAI_API_KEY') });
  }
  return out;
}

function accessToken(env: Env, host: string, backends: BackendSettings[]): string | undefined {
  const token = env.AIART_ACCESS_TOKEN || undefined;
  if (token && (token.length < 16 || !/^[\x21-\x7e]+$/.test(token))) {
    throw new Error('AIART_ACCESS_TOKEN must be at least 16 characters without spaces (e.g. from `openssl rand -hex 24`)');
  }
  const paid = backends.filter((b) => PAID_KINDS.includes(b.kind)).map((b) => b.label);
  if (!token && paid.length && !LOOPBACK.test(host)) {
    throw new Error(
      `HOST=${host} lets other machines use this engine, and ${paid.join(', ')} spend${paid.length > 1 ? '' : 's'} your credits: ` +
        'set AIART_ACCESS_TOKEN to a long random secret (e.g. from `openssl rand -hex 24`), or listen on 127.0.0.1',
    );
  }
  return token;
}

export function gatewayFromEnv(env: Env, host: string, upstream: string | undefined, timeoutMs: number): GatewayConfig {
  const backends: BackendSettings[] = [];
  if (upstream) backends.push({ kind: 'aiart', id: 'aiart', label: KIND_LABELS.aiart, url: upstream, urlVariable: 'AIART_UPSTREAM', timeoutMs });
  backends.push(...fromVariables(env, timeoutMs));
  if (env.AIART_BACKENDS) backends.push(...readBackendsFile(env.AIART_BACKENDS, env, { baseUrl, secret, timeoutMs }));
  const seen = new Set<string>();
  for (const { id } of backends) {
    if (seen.has(id)) throw new Error(`Two backends have the id "${id}": give the one in AIART_BACKENDS another id`);
    seen.add(id);
  }
  return { backends, accessToken: accessToken(env, host, backends) };
}
