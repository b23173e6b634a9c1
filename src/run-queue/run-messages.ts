/** What a run's card says when it ends without a result. */
export const CONTENT_FILTERED = 'The service filtered this video for its content.';
export const JOB_UNKNOWN = 'The backend no longer knows this job: it was lost in a restart or has expired.';
export const JOB_FAILED = 'The service could not make this video.';
export const CANCELLED = 'Cancelled.';
export const STOPPED_WAITING = 'You stopped waiting for this video. Its job may still finish on the server: Retry checks again.';
