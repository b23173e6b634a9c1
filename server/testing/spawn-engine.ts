/** Runs the engine as its own process, as `npm run engine` does, for crash, load and log tests. */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export interface SpawnedEngine {
  url: string;
  process: ChildProcess;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Everything it printed, stdout and stderr, when started with `capture`. */
  output(): string;
}

export async function spawnEngine(env: Record<string, string>, options: { capture?: boolean } = {}): Promise<SpawnedEngine> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', AIART_STATIC_DIR: '', AIART_LOG: 'off', ...env },
    stdio: ['ignore', 'pipe', options.capture ? 'pipe' : 'inherit'],
  });
  const printed: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => printed.push(chunk.toString('utf8')));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const lines = createInterface({ input: child.stdout! });
  const output = () => printed.join('');
  for await (const line of lines) {
    printed.push(`${line}\n`);
    if (line.startsWith('{"event":"listening"')) {
      lines.on('line', (next) => options.capture && printed.push(`${next}\n`));
      return { url: (JSON.parse(line) as { url: string }).url, process: child, exited, output };
    }
  }
  throw new Error(`the engine exited before listening (code ${await exited})`);
}
