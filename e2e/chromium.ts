/**
 * Which Chromium the tests drive: $CHROMIUM_PATH, else the system's /usr/bin/chromium, else
 * Playwright's own download (on a laptop that has one).
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path!));
}

export function chromiumLaunchOptions() {
  return { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS };
}
