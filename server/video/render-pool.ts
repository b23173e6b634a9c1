/**
 * Renders videos on a fixed number of worker threads, so a render neither blocks the engine's
 * event loop nor lets the encoder package touch the engine's process. Renders beyond the pool's
 * size wait in order; a worker that dies fails its render and is replaced by the next one needed.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RenderReply } from './render-worker';
import type { RenderRequest } from './video-options';

export interface RenderPool {
  /** Resolves with the MP4 bytes; `onStart` runs when a worker takes the render off the queue. */
  render(request: RenderRequest, onStart?: () => void): Promise<Uint8Array>;
  /** Renders waiting for a free worker. */
  readonly queued: number;
  /** Stops every worker at once: renders in flight and queued ones reject. */
  close(): Promise<void>;
}

interface Task {
  request: RenderRequest;
  onStart?: () => void;
  resolve(mp4: Uint8Array): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  task?: Task;
}

/** The worker's file next to this one: .ts under tsx, .js once compiled. */
function defaultWorkerFile(): string {
  const here = fileURLToPath(import.meta.url);
  return path.join(path.dirname(here), `render-worker${path.extname(here)}`);
}

function startWorker(file: string): Worker {
  if (!file.endsWith('.ts')) return new Worker(file);
  const loader = fileURLToPath(new URL('./typescript-worker.mjs', import.meta.url));
  return new Worker(loader, { workerData: { script: pathToFileURL(file).href } });
}

/** `workerFile` is the thread's script; tests swap in a misbehaving one. */
export function createRenderPool(size: number, workerFile = defaultWorkerFile()): RenderPool {
  const slots: Slot[] = [];
  const waiting: Task[] = [];
  let closed = false;

  function finish(slot: Slot, outcome: { mp4: Uint8Array } | { error: Error }): void {
    const task = slot.task;
    slot.task = undefined;
    slot.worker.unref();
    if (task) {
      if ('mp4' in outcome) task.resolve(outcome.mp4);
      else task.reject(outcome.error);
    }
    dispatch();
  }

  function retire(slot: Slot, error: Error): void {
    slots.splice(slots.indexOf(slot), 1);
    finish(slot, { error });
  }

  function spawnSlot(): Slot {
    const worker = startWorker(workerFile);
    const slot: Slot = { worker };
    worker.on('message', (reply: RenderReply) => {
      finish(slot, 'mp4' in reply ? { mp4: reply.mp4 } : { error: new Error(reply.error) });
    });
    worker.on('error', (error) => retire(slot, new Error(`The render worker failed: ${error.message}`)));
    worker.on('exit', (code) => {
      if (slots.includes(slot)) retire(slot, new Error(`The render worker stopped (exit code ${code})`));
    });
    slots.push(slot);
    return slot;
  }

  function dispatch(): void {
    while (!closed && waiting.length) {
      const slot = slots.find((candidate) => !candidate.task) ?? (slots.length < size ? spawnSlot() : undefined);
      if (!slot) return;
      const task = waiting.shift()!;
      slot.task = task;
      // A busy worker keeps the process alive until its render is saved; an idle one does not.
      slot.worker.ref();
      task.onStart?.();
      // Posting copies the source raster (a few MB): cheap beside a render, and the caller keeps its own.
      slot.worker.postMessage(task.request);
    }
  }

  return {
    render(request, onStart) {
      if (closed) return Promise.reject(new Error('The render pool is closed'));
      return new Promise((resolve, reject) => {
        waiting.push({ request, onStart, resolve, reject });
        dispatch();
      });
    },
    get queued() {
      return waiting.length;
    },
    async close() {
      closed = true;
      const stopped = new Error('The engine stopped before the video was rendered');
      for (const task of waiting.splice(0)) task.reject(stopped);
      const running = slots.splice(0);
      for (const slot of running) slot.task?.reject(stopped);
      await Promise.all(running.map((slot) => slot.worker.terminate()));
    },
  };
}
