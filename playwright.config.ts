import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';
import { chooseChromium } from './scripts/chromium.ts';

// Machines that cannot download Playwright's browser use the system Chromium ($CHROMIUM_PATH or
// Debian's); elsewhere Playwright's own, which `npm run test:e2e` installs first if it is missing.
const choice = chooseChromium({
  env: process.env,
  exists: existsSync,
  playwrightPath: chromium.executablePath(),
});
const systemChromium = choice.use === 'system' ? choice.path : undefined;

const port = Number(process.env.E2E_PORT ?? 4322);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  // A test left focused with .only must not silently skip the rest of the suite in CI.
  forbidOnly: Boolean(process.env.CI),
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? 'list' : [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Recording a trace of every test cost ≈ 40% of the suite on this 2-core machine (layout.spec
    // 65 → 39 s, item-links 60 → 36 s without it), and all but the failures' traces are thrown
    // away. A failure keeps a screenshot; to get its trace, run it again with
    // `npx playwright test --trace retain-on-failure -g "<its title>"`.
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: systemChromium
          ? {
              executablePath: systemChromium,
              args: [
                '--no-sandbox',
                '--disable-gpu',
                '--disable-quic',
                '--no-first-run',
                '--disable-background-networking',
                '--disable-component-update',
                '--disable-sync',
              ],
            }
          : {},
      },
    },
  ],
  // The built site (npm run build) served as it would be deployed.
  webServer: {
    command: `node --experimental-strip-types --disable-warning=ExperimentalWarning scripts/serve-dist.mjs --port ${port} --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
