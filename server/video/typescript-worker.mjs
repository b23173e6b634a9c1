// Starts a TypeScript worker script under tsx, for an engine run from source (`tsx server/main.ts`,
// the tests); Node 20 does not apply the parent's `--import tsx` to worker threads.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.script);
