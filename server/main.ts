/** Runs the local engine from the command line: `npm run engine` (or `npm start` with the studio). */
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { backendsInUse } from './backends/settings';
import { configFromEnv } from './config';
import { startEngine } from './engine';

async function main(): Promise<void> {
  const config = configFromEnv();
  if (config.staticDir && !existsSync(path.join(config.staticDir, 'index.html'))) config.staticDir = undefined;
  let engine;
  try {
    engine = await startEngine(config);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === 'EADDRINUSE'
        ? `Port ${config.port} is in use. Start on another port with PORT=<number> (PORT=0 picks a free one).`
        : `The engine could not start: ${(error as Error).message}`,
    );
    process.exit(1);
  }
  const mode = backendsInUse(config.backends);
  console.log(JSON.stringify({ event: 'listening', url: engine.url, mode, dataDir: config.dataDir, studio: Boolean(config.staticDir) }));
  console.log(`\n  AiArt Studio ${config.staticDir ? 'is ready' : 'engine (API only) is ready'}: ${engine.url}\n  Backend: ${mode}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second signal means now: whoever sends it has stopped waiting for the grace.
      console.log(JSON.stringify({ event: 'stopped', signal, graceful: false }));
      process.exit(128 + constants.signals[signal]);
    }
    stopping = true;
    console.log(JSON.stringify({ event: 'stopping', signal, graceSeconds: config.guards.shutdownGraceSeconds }));
    engine.close().then(
      (finished) => {
        console.log(JSON.stringify({ event: 'stopped', signal, graceful: finished }));
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`The engine did not stop cleanly: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`The engine could not start: ${(error as Error).message}`);
  process.exit(1);
});
