/** The queue's API calls, through the one API layer: a picture run, a video start, a video poll. */
import { generateImage } from '../api/generate-image';
import { startVideo } from '../api/start-video';
import { transformImage } from '../api/transform-image';
import { fetchVideoResult } from '../api/video-result';
import type { RunTransport } from './run-queue';

export const apiTransport: RunTransport = {
  sendImage: (run, source, signal) =>
    run.kind === 'image' ? generateImage(run.backend, run.request, signal) : transformImage(run.backend, source!, run.request, signal),
  startVideo: (run, source, signal) => startVideo(run.backend, source, run.request, signal),
  pollVideo: (run, signal) => fetchVideoResult(run.backend, run.jobId!, signal),
};
