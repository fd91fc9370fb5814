// Which Chromium the end-to-end tests use, decided in one place for playwright.config.ts and for
// the step before `npm run test:e2e` (scripts/ensure-chromium.mjs), which installs Playwright's
// own Chromium only when no browser is found. Pure: the file system and the installer are passed in.

/**
 * Where a system Chromium is looked for, after $CHROMIUM_PATH, in this order: Debian's headless
 * shell (package chromium-headless-shell, the same Chromium build without the full browser's UI
 * layers; what Playwright itself uses for headless runs), then Debian's full Chromium. Measured
 * on this 2-core machine, Chromium 156, traces still on: the whole e2e suite 13.2 min with the
 * full browser (a clean-clone CI run) and 10.2 min with the shell (a local run); page-load-heavy
 * specs gain most (layout.spec 115 → 72 s, item-links 128 → 60 s, both local), engine-heavy ones
 * less (the foreign-key playground's 141 → 114 s).
 * `npm run bench` keeps the full browser: its figures are what readers live.
 */
export const SYSTEM_CHROMIUM_PATHS = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

export type ChromiumChoice =
  /** A Chromium outside Playwright's cache: $CHROMIUM_PATH or a system package. */
  | { use: 'system'; path: string; from: 'CHROMIUM_PATH' | 'system' }
  /** The Chromium `npx playwright install chromium` put in Playwright's cache. */
  | { use: 'playwright'; path: string }
  /** None found: Playwright's must be installed first. */
  | { use: 'install' };

export interface ChromiumLookup {
  env: Record<string, string | undefined>;
  exists: (path: string) => boolean;
  /** Where Playwright's own Chromium is or would be (`chromium.executablePath()`); undefined if unknown. */
  playwrightPath: string | undefined;
}

export function chooseChromium({ env, exists, playwrightPath }: ChromiumLookup): ChromiumChoice {
  if (env.CHROMIUM_PATH && exists(env.CHROMIUM_PATH)) {
    return { use: 'system', path: env.CHROMIUM_PATH, from: 'CHROMIUM_PATH' };
  }
  const system = SYSTEM_CHROMIUM_PATHS.find((path) => exists(path));
  if (system) return { use: 'system', path: system, from: 'system' };
  if (playwrightPath && exists(playwrightPath)) return { use: 'playwright', path: playwrightPath };
  return { use: 'install' };
}

export interface EnsureChromium extends ChromiumLookup {
  /** Runs `npx playwright install chromium`; resolves to its exit status. */
  install: () => Promise<number>;
  log: (line: string) => void;
}

/** Says which Chromium the tests will use, installing Playwright's first if there is none. Exit status. */
export async function ensureChromium(options: EnsureChromium): Promise<number> {
  const { env, exists, log } = options;
  if (env.CHROMIUM_PATH && !exists(env.CHROMIUM_PATH)) {
    log(`CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which does not exist; looking elsewhere.`);
  }
  const choice = chooseChromium(options);
  if (choice.use === 'system') {
    log(
      `End-to-end tests use Chromium at ${choice.path} (${choice.from === 'CHROMIUM_PATH' ? 'CHROMIUM_PATH' : 'system package'}).`,
    );
    return 0;
  }
  if (choice.use === 'playwright') {
    log(`End-to-end tests use Playwright's Chromium at ${choice.path}.`);
    return 0;
  }
  log(
    `No Chromium found (CHROMIUM_PATH, ${SYSTEM_CHROMIUM_PATHS.join(', ')}, or Playwright's own), so ` +
      "installing Playwright's: npx playwright install chromium",
  );
  const status = await options.install();
  if (status !== 0) {
    log(
      `npx playwright install chromium failed (exit status ${status}). Install Chromium another way and ` +
        'set CHROMIUM_PATH to it, then run the tests again.',
    );
    return status || 1;
  }
  const after = chooseChromium(options);
  if (after.use === 'install') {
    log("npx playwright install chromium finished, but Playwright's Chromium is still missing.");
    return 1;
  }
  log(`Installed; end-to-end tests use Playwright's Chromium at ${after.path}.`);
  return 0;
}
