/**
 * One render worker thread: renders the videos the pool sends it, one at a time. The encoder
 * package installs process handlers that rethrow; here they can end only this thread.
 */
import { parentPort } from 'node:worker_threads';
import { renderVideo } from './render-video';
import type { RenderRequest } from './video-options';

export type RenderReply = { mp4: Uint8Array } | { error: string };

const port = parentPort!;
port.on('message', (request: RenderRequest) => {
  renderVideo(request.source, request.frame, request.motion).then(
    (mp4) => port.postMessage({ mp4 } satisfies RenderReply, [mp4.buffer as ArrayBuffer]),
    (error: unknown) => port.postMessage({ error: String(error) } satisfies RenderReply),
  );
});
