/** Starts a real engine on a free loopback port with its own data folder, for one test file. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { configFromEnv } from '../config';
import { type Engine, startEngine } from '../engine';

export interface TestEngine extends Engine {
  dataDir: string;
  /** Every file under the data folder, for checking what a request wrote. */
  files(): Promise<string[]>;
  /** Closes the engine and deletes its data folder. */
  dispose(): Promise<void>;
}

export async function startTestEngine(env: Record<string, string> = {}, dataDir?: string): Promise<TestEngine> {
  const dir = dataDir ?? (await mkdtemp(path.join(tmpdir(), 'aiart-engine-')));
  const engine = await startEngine(
    configFromEnv({ PORT: '0', AIART_DATA_DIR: dir, AIART_LOG: 'off', AIART_STATIC_DIR: '', AIART_VIDEO_SECONDS: '0', ...env }),
  );
  return {
    ...engine,
    dataDir: dir,
    files: async () => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)),
    async dispose() {
      await engine.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
