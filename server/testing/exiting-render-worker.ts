/** A render worker that dies on its first message, as one crashing inside the encoder would. */
import { parentPort } from 'node:worker_threads';

parentPort!.on('message', () => process.exit(3));
