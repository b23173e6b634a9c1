/**
 * GET /healthz: ready when the data folder takes a write and, in proxy mode, the upstream
 * answers; otherwise 503 naming each problem. For load balancers and orchestrators.
 */
import { randomBytes } from 'node:crypto';
import { unlink, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { EngineConfig } from '../config';
import { ApiError } from './api-error';
import { sendJson } from './respond';

const UPSTREAM_TIMEOUT_MS = 5000;

async function dataFolderProblem(dataDir: string): Promise<string | undefined> {
  const probe = path.join(dataDir, `.healthz-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(probe, 'ok');
    await unlink(probe);
    return undefined;
  } catch (error) {
    return `The data folder is not writable (${(error as NodeJS.ErrnoException).code ?? 'error'}).`;
  }
}

/** Any answer below 500 means the upstream is up; its own routes decide the rest. */
async function upstreamProblem(upstream: string): Promise<string | undefined> {
  try {
    const res = await fetch(upstream, { redirect: 'manual', signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS) });
    await res.body?.cancel();
    return res.status < 500 ? undefined : `The upstream ${upstream} answered ${res.status}.`;
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return `The upstream ${upstream} ${timedOut ? `did not answer within ${UPSTREAM_TIMEOUT_MS / 1000} s` : 'could not be reached'}.`;
  }
}

export function createHealthCheck(config: EngineConfig) {
  // One upstream probe at a time, however often the endpoint is asked.
  let upstreamProbe: Promise<string | undefined> | undefined;
  const probeUpstream = (upstream: string) =>
    (upstreamProbe ??= upstreamProblem(upstream).finally(() => {
      upstreamProbe = undefined;
    }));

  return async function answerHealth(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new ApiError(405, 'Use GET for the health check', { Allow: 'GET, HEAD' });
    }
    const problems = (
      await Promise.all([dataFolderProblem(config.dataDir), config.upstream ? probeUpstream(config.upstream) : undefined])
    ).filter((problem): problem is string => Boolean(problem));
    const mode = config.upstream ? 'proxy' : 'local-preview';
    if (problems.length) sendJson(res, 503, { status: 'unavailable', error: problems.join(' '), problems, mode });
    else sendJson(res, 200, { status: 'ok', mode });
  };
}
