/**
 * The local engine: an HTTP server speaking the AiArt API contract, serving generated media and,
 * when built, the studio itself. Start it with startEngine(); close() finishes in-flight work.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MEDIA_FOLDERS } from '../src/api/contract';
import { type EngineConfig, HOSTED_ORIGIN } from './config';
import type { EngineContext } from './engine-context';
import { ApiError } from './http/api-error';
import { createHealthCheck } from './http/health';
import { clientAddress, requestOrigin } from './http/request-info';
import { trackRequest } from './http/request-log';
import { sendError, sendJson } from './http/respond';
import { openJobStore } from './jobs/job-store';
import { openMediaStore } from './media/media-store';
import { proxyRequest } from './proxy';
import { createQuirks } from './quirks/hosted-quirks';
import { handleGenerate } from './routes/generate';
import { handleImageToImage } from './routes/image-to-image';
import { handleVideoResult, handleVideoStart } from './routes/image-to-video';
import { handleMedia } from './routes/media';
import { contentSecurityPolicy, openStaticSite } from './static-site';

export interface Engine {
  url: string;
  close(): Promise<void>;
}

const MEDIA_PATH = new RegExp(`^/(${MEDIA_FOLDERS.join('|')})/([^/]+)$`);
const RESULT_PATH = /^\/api\/img2video\/result\/([^/]+)$/;

type Handler = (req: IncomingMessage, res: ServerResponse, ctx: EngineContext) => Promise<void>;
const POST_ROUTES = new Map<string, Handler>([
  ['/api/generate', handleGenerate],
  ['/api/img2img', handleImageToImage],
  ['/api/img2video', handleVideoStart],
]);

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function allow(req: IncomingMessage, method: string): void {
  if (req.method !== method) throw new ApiError(405, `Use ${method} for this endpoint`, { Allow: method });
}

async function routeApi(req: IncomingMessage, res: ServerResponse, ctx: EngineContext, pathname: string) {
  const post = POST_ROUTES.get(pathname);
  const result = pathname.match(RESULT_PATH);
  if (!post && !result) throw new ApiError(404, `No API endpoint at ${pathname.slice(0, 200)}`);
  allow(req, post ? 'POST' : 'GET');
  await ctx.quirks.beforeApi(clientAddress(req), Boolean(post));
  if (post) await post(req, res, ctx);
  else await handleVideoResult(decodeSegment(result![1]), res, ctx);
}

export async function startEngine(config: EngineConfig): Promise<Engine> {
  const ctx: EngineContext = {
    config,
    media: await openMediaStore(config.dataDir, config.mediaTtlSeconds),
    jobs: await openJobStore(config.dataDir),
    quirks: createQuirks(config.quirks),
    renders: new Set(),
  };
  const backends = [...new Set([HOSTED_ORIGIN, ...config.extraOrigins])];
  const site = config.staticDir ? openStaticSite(config.staticDir, contentSecurityPolicy(backends)) : undefined;
  const answerHealth = createHealthCheck(config);
  /** Tells the studio what serves it, so it can say "local preview engine" or "hosted". */
  const engineInfo = { engine: config.upstream ? 'proxy' : 'local-preview', upstream: config.upstream, allowedOrigins: backends };
  const expireJobs = setInterval(
    () => void ctx.jobs.expire(Date.now() - config.mediaTtlSeconds * 1000).catch(() => undefined),
    60_000,
  );
  expireJobs.unref();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', 'http://engine.invalid');
    const media = pathname.match(MEDIA_PATH);
    const isApi = pathname === '/api' || pathname.startsWith('/api/');
    if (pathname === '/engine.json') {
      sendJson(res, 200, engineInfo);
      return;
    }
    if (pathname === '/healthz') return answerHealth(req, res);
    if (config.upstream && (isApi || media)) {
      await proxyRequest(req, res, config.upstream, requestOrigin(req, config));
      return;
    }
    if (isApi) return routeApi(req, res, ctx, pathname);
    if (media) return handleMedia(req, res, ctx, media[1], media[2]);
    if (site?.(req, res, pathname)) return;
    throw new ApiError(404, `Nothing is served at ${pathname.slice(0, 200)}`);
  }

  const server = createServer((req, res) => {
    const requestId = trackRequest(req, res, config.log);
    handle(req, res).catch((error: unknown) => {
      if (!(error instanceof ApiError)) {
        console.error(JSON.stringify({ event: 'request-failed', requestId, path: req.url, error: String(error) }));
      }
      sendError(res, error);
      // An early error leaves the upload unread: drain it without keeping it, up to a bound.
      if (!req.complete) {
        let drained = 0;
        req.on('data', (chunk: Buffer) => {
          drained += chunk.length;
          if (drained > 64 * 1024 * 1024) req.destroy();
        });
        req.resume();
      }
    });
  });
  server.requestTimeout = 10 * 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  config.port = port;

  return {
    url: `http://${host}:${port}`,
    async close() {
      clearInterval(expireJobs);
      ctx.media.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Kept-alive sockets go idle as their last answers finish: close each as soon as it does.
      const closeIdle = setInterval(() => server.closeIdleConnections(), 50);
      server.closeIdleConnections();
      await closed;
      clearInterval(closeIdle);
      await Promise.allSettled([...ctx.renders]);
    },
  };
}
