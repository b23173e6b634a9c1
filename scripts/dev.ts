/**
 * `npm run dev`: the local engine (API only) plus Vite with hot reload, which forwards API and
 * media paths to it. ENGINE_PORT and PORT choose the ports (defaults 8787 and 5173).
 */
import { createServer } from 'vite';
import { spawnEngine } from '../server/testing/spawn-engine';

const engine = await spawnEngine({ PORT: process.env.ENGINE_PORT ?? '8787', AIART_LOG: process.env.AIART_LOG ?? 'on' });
process.env.AIART_ENGINE_URL = engine.url;
const vite = await createServer({ server: { port: Number(process.env.PORT ?? 5173) } });
await vite.listen();
vite.printUrls();
console.log(`  Engine: ${engine.url} (local preview engine, procedural art)`);

const stop = async () => {
  await vite.close();
  engine.process.kill('SIGTERM');
  await engine.exited;
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
