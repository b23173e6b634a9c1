/**
 * Makes sure the end-to-end tests have a Chromium: $CHROMIUM_PATH, the system's, or Playwright's
 * own. On Debian as root it installs the `chromium` package; elsewhere it says what to run.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumExecutable } from '../e2e/chromium';

function playwrightBrowser(): string | undefined {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const found = chromiumExecutable() ?? playwrightBrowser();
if (found) {
  console.log(`Chromium for end-to-end tests: ${found}`);
} else if (existsSync('/etc/debian_version') && process.getuid?.() === 0) {
  console.log('No Chromium found: installing Debian\'s chromium package (about a minute)...');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  if (!chromiumExecutable()) {
    console.error('The chromium package installed, but /usr/bin/chromium is missing.');
    process.exit(1);
  }
} else {
  console.error(
    'The end-to-end tests need Chromium and none was found.\n' +
      '  On Debian or Ubuntu:  sudo apt-get install -y chromium\n' +
      '  Or point to one:      CHROMIUM_PATH=/path/to/chromium npm test',
  );
  process.exit(1);
}
