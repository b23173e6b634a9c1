import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { resolveVideoUrl, videoResultQueryOptions, type VideoProgress } from './video-result';

const BASE = 'http://backend.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Answers each poll with the next scripted response, and counts the polls. */
function script(responses: Array<() => Response>) {
  let polls = 0;
  server.use(http.get(`${BASE}/api/img2video/result/job1`, () => responses[Math.min(polls++, responses.length - 1)]()));
  return () => polls;
}

/** Runs the real polling query until it settles on a result or an error. */
function watch(intervalMs = 5) {
  const client = new QueryClient();
  const options = videoResultQueryOptions(BASE, 'job1', intervalMs);
  const observer = new QueryObserver(client, { ...options, retryDelay: 1 });
  return new Promise<{ data?: VideoProgress; error?: unknown }>((resolve) => {
    const unsubscribe = observer.subscribe((result) => {
      const final = result.status === 'error' && !(result.error instanceof ApiError && result.error.isTransient);
      if (result.data?.status === 'complete' || final) {
        unsubscribe();
        resolve({ data: result.data, error: result.error ?? undefined });
      }
    });
  });
}

const inProgress = () => HttpResponse.json({ status: 'in-progress', message: 'wait' }, { status: 202 });
const retry = () => HttpResponse.json({ status: 'retry' });
const complete = () => HttpResponse.json({ status: 'complete', video_url: '/processed_videos/v.mp4', finish_reason: 'SUCCESS', seed: '77' });

describe('video result polling', () => {
  it('polls through 202, 202 and retry to the finished video', async () => {
    const polls = script([inProgress, inProgress, retry, complete]);
    const { data } = await watch();
    expect(data).toEqual({ status: 'complete', videoUrl: `${BASE}/processed_videos/v.mp4`, finishReason: 'SUCCESS', seed: 77 });
    expect(polls()).toBe(4);
  });

  it('stops at once on 404: an unknown job will not appear', async () => {
    const polls = script([() => HttpResponse.json({ error: 'No video generation has that id' }, { status: 404 })]);
    const { error } = await watch();
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect(polls()).toBe(1);
  });

  it('keeps going through a passing 5xx', async () => {
    const polls = script([() => HttpResponse.json({ error: 'busy' }, { status: 503 }), inProgress, complete]);
    const { data } = await watch();
    expect(data?.status).toBe('complete');
    expect(polls()).toBe(3);
  });

  it('outlasts a network loss longer than its retries, and finishes when the server is back', async () => {
    const polls = script([
      ...Array.from({ length: 6 }, () => () => HttpResponse.error()),
      inProgress,
      complete,
    ]);
    const { data } = await watch();
    expect(data?.status).toBe('complete');
    expect(polls()).toBe(8);
  });

  it('marks content-filtered results', async () => {
    script([() => HttpResponse.json({ status: 'complete', video_url: '/processed_videos/v.mp4', finish_reason: 'CONTENT_FILTERED', seed: 3 })]);
    const { data } = await watch();
    expect(data).toMatchObject({ finishReason: 'CONTENT_FILTERED', seed: 3 });
  });
});

describe('resolveVideoUrl', () => {
  it('resolves the relative video_url against the backend, or this origin', () => {
    expect(resolveVideoUrl(BASE, '/processed_videos/a.mp4')).toBe(`${BASE}/processed_videos/a.mp4`);
    expect(resolveVideoUrl('', '/processed_videos/a.mp4', 'http://studio.test')).toBe('http://studio.test/processed_videos/a.mp4');
  });

  it('refuses addresses that are not http(s)', () => {
    expect(() => resolveVideoUrl(BASE, 'javascript:alert(1)')).toThrow(ApiError);
    expect(() => resolveVideoUrl(BASE, 'data:video/mp4;base64,AAAA')).toThrow(/not an http\(s\) URL/);
  });
});
