/** Runs the engine as its own process, as `npm run engine` does, for crash, load and log tests. */
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

/** `onLine` hears every line the engine prints after it listens (its request log, with AIART_LOG=on). */
export async function spawnEngine(env: Record<string, string>, onLine: (line: string) => void = () => undefined): Promise<SpawnedEngine> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
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
