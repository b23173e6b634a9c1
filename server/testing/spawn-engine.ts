/**
 * Runs the engine as its own process, for crash and load tests, benchmarks and the production
 * check: by default from source through tsx, as `npm run engine` does.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export interface SpawnedEngine {
  url: string;
  process: ChildProcess;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Everything it wrote to stderr so far (which is also passed through to this process's). */
  errors(): string;
}

/** How to start it: node's arguments, and the folder it runs in (data and build paths resolve there). */
export interface EngineCommand {
  args: string[];
  cwd?: string;
}

export const FROM_SOURCE: EngineCommand = { args: ['--import', 'tsx', 'server/main.ts'] };
/** The production build, as `npm start` runs it after `npm run build`. */
export const COMPILED: EngineCommand = { args: ['--enable-source-maps', 'dist-server/main.js'] };

/** `onLine` hears every line the engine prints after it listens (its request log, with AIART_LOG=on). */
export async function spawnEngine(
  env: Record<string, string>,
  onLine: (line: string) => void = () => undefined,
  command: EngineCommand = FROM_SOURCE,
): Promise<SpawnedEngine> {
  const child = spawn(process.execPath, command.args, {
    cwd: command.cwd,
    env: { ...process.env, PORT: '0', AIART_STATIC_DIR: '', AIART_LOG: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const errors: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => {
    errors.push(chunk.toString('utf8'));
    process.stderr.write(chunk);
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    if (line.startsWith('{"event":"listening"')) {
      lines.on('line', onLine);
      return { url: (JSON.parse(line) as { url: string }).url, process: child, exited, errors: () => errors.join('') };
    }
  }
  throw new Error(`the engine exited before listening (code ${await exited})`);
}
