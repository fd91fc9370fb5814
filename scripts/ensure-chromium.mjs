// Runs before `npm run test:e2e`: finds the Chromium the end-to-end tests will use
// ($CHROMIUM_PATH, Debian's headless shell or full Chromium, or Playwright's own) and, only when
// there is none, installs Playwright's with `npx playwright install chromium` and says so. So on a
// fresh machine `npm install` and `npm test` are all it takes. The decision is scripts/chromium.ts.
// Run with --experimental-strip-types: it imports that TypeScript module.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { ensureChromium } from './chromium.ts';

let playwrightPath;
try {
  playwrightPath = chromium.executablePath();
} catch {
  playwrightPath = undefined; // a platform Playwright has no Chromium build for
}

const status = await ensureChromium({
  env: process.env,
  exists: existsSync,
  playwrightPath,
  install: () =>
    new Promise((resolve) => {
      const child = spawn('npx', ['playwright', 'install', 'chromium'], {
        stdio: 'inherit',
        shell: process.platform === 'win32',
      });
      child.on('error', () => resolve(1));
      child.on('exit', (code) => resolve(code ?? 1));
    }),
  log: (line) => process.stdout.write(`${line}\n`),
});
process.exit(status);
