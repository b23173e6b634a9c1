/**
 * The local engine: an HTTP server speaking the AiArt API contract, serving generated media and,
 * when built, the studio itself. Start it with startEngine(); close() lets in-flight work finish
 * within the shutdown grace.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MEDIA_FOLDERS } from '../src/api/contract';
import { createBackends } from './backends/create-backends';
import { type EngineConfig, HOSTED_ORIGIN } from './config';
import type { EngineContext } from './engine-context';
import { ApiError } from './http/api-error';
import { checkAccessToken } from './http/access-token';
import { createHealthCheck } from './http/health';
import { clientAddress } from './http/request-info';
import { trackRequest } from './http/request-log';
import { BASE_HEADERS, sendError, sendJson } from './http/respond';
import { manageServer, serverTimeouts } from './http/server-lifecycle';
import { openJobStore } from './jobs/job-store';
import { openMediaStore } from './media/media-store';
import { createQuirks } from './quirks/hosted-quirks';
import { handleGenerate } from './routes/generate';
import { handleImageToImage } from './routes/image-to-image';
import { handleVideoResult, handleVideoStart } from './routes/image-to-video';
import { handleMedia } from './routes/media';
import { createRequestGuard } from './security/request-guard';
import { contentSecurityPolicy, openStaticSite } from './static-site';
import { createRenderPool } from './video/render-pool';

export interface Engine {
  url: string;
  /** Stops within the shutdown grace; resolves false when work in flight had to be cut. */
  close(): Promise<boolean>;
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

/** The path of a request target: origin-form (`/a?b`), absolute-form, or `*` (the server itself). */
function requestPath(target = '/'): string {
  if (target === '*') return '/';
  try {
    // Prefixed rather than resolved against a base, so `//x` stays a path instead of naming a host.
    return new URL(target.startsWith('/') ? `http://engine.invalid${target}` : target).pathname;
  } catch {
    throw new ApiError(400, 'The request target is not a valid path or URL');
  }
}

const READ = ['GET', 'HEAD'];
const isApiPath = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

/** The methods a path takes, or undefined when nothing is served there. */
function methodsFor(pathname: string, servesStudio: boolean): string[] | undefined {
  if (POST_ROUTES.has(pathname)) return ['POST'];
  if (RESULT_PATH.test(pathname) || MEDIA_PATH.test(pathname) || pathname === '/engine.json') return READ;
  return servesStudio && !isApiPath(pathname) ? READ : undefined;
}

function allow(req: IncomingMessage, methods: string[]): void {
  if (!methods.includes(req.method ?? '')) {
    throw new ApiError(405, `Use ${methods.join(' or ')} for this endpoint`, { Allow: [...methods, 'OPTIONS'].join(', ') });
  }
}

async function routeApi(req: IncomingMessage, res: ServerResponse, ctx: EngineContext, pathname: string) {
  const post = POST_ROUTES.get(pathname);
  const result = pathname.match(RESULT_PATH);
  if (!post && !result) throw new ApiError(404, `No API endpoint at ${pathname.slice(0, 200)}`);
  allow(req, post ? ['POST'] : READ);
  const refund = await ctx.quirks.beforeApi(clientAddress(req), Boolean(post));
  try {
    if (post) await post(req, res, ctx);
    else await handleVideoResult(decodeSegment(result![1]), res, ctx);
  } catch (error) {
    refund();
    throw error;
  }
}

export async function startEngine(config: EngineConfig): Promise<Engine> {
  const renderPool = createRenderPool(config.guards.videoWorkers);
  const ctx: EngineContext = {
    config,
    backends: createBackends(config.backends, renderPool),
    media: await openMediaStore(config.dataDir, config.mediaTtlSeconds),
    jobs: await openJobStore(config.dataDir),
    quirks: createQuirks(config.quirks),
    renders: new Set(),
    renderPool,
  };
  const guard = createRequestGuard(config.guards, config.host, config.trustProxy);
  const backends = [...new Set([HOSTED_ORIGIN, ...config.extraOrigins])];
  const site = config.staticDir ? openStaticSite(config.staticDir, contentSecurityPolicy(backends)) : undefined;
  const answerHealth = createHealthCheck(config);
  /** Tells the studio what serves it: "local preview engine", "hosted", or which models. */
  const engineInfo = { upstream: config.upstream, allowedOrigins: backends, accessTokenRequired: Boolean(config.accessToken) };
  const expireJobs = setInterval(
    () => void ctx.jobs.expire(Date.now() - config.mediaTtlSeconds * 1000).catch(() => undefined),
    60_000,
  );
  expireJobs.unref();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = requestPath(req.url);
    // A load balancer asks for health by the machine's address, whatever names the guard serves.
    if (pathname === '/healthz') return answerHealth(req, res);
    guard.admit(req, res);
    const media = pathname.match(MEDIA_PATH);
    const isApi = isApiPath(pathname);
    if (req.method === 'OPTIONS') {
      const methods = req.url === '*' ? [...READ, 'POST'] : methodsFor(pathname, Boolean(config.staticDir));
      if (!methods) throw new ApiError(404, `Nothing is served at ${pathname.slice(0, 200)}`);
      res.writeHead(204, { ...BASE_HEADERS, Allow: [...methods, 'OPTIONS'].join(', '), ...guard.preflightHeaders(req, methods) });
      res.end();
      return;
    }
    if (pathname === '/engine.json') {
      allow(req, READ);
      sendJson(res, 200, { ...(await ctx.backends.describe()), ...engineInfo });
      return;
    }
    if (isApi) {
      checkAccessToken(req, config.accessToken);
      return routeApi(req, res, ctx, pathname);
    }
    if (media) return handleMedia(req, res, ctx, media[1], media[2]);
    if (site?.(req, res, pathname)) return;
    throw new ApiError(404, `Nothing is served at ${pathname.slice(0, 200)}`);
  }

  const server = createServer(serverTimeouts(config.guards.requestTimeoutSeconds), (req, res) => {
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
  const lifecycle = manageServer(server);

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
      const finished = await lifecycle.stop(config.guards.shutdownGraceSeconds * 1000, Promise.allSettled([...ctx.renders]));
      // Renders still running after the grace are cut; their jobs end as failed.
      await ctx.renderPool.close();
      await Promise.allSettled([...ctx.renders]);
      return finished;
    },
  };
}
