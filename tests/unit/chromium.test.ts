import { describe, expect, it } from 'vitest';
import { chooseChromium, ensureChromium, SYSTEM_CHROMIUM_PATHS } from '../../scripts/chromium.ts';

const [DEBIAN_SHELL, DEBIAN] = SYSTEM_CHROMIUM_PATHS as [string, string];
const PLAYWRIGHTS = '/home/dev/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';

/** A file system holding exactly `paths`. */
const holding =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe('chooseChromium', () => {
  it('uses CHROMIUM_PATH first when it exists', () => {
    expect(
      chooseChromium({
        env: { CHROMIUM_PATH: '/opt/chromium/chrome' },
        exists: holding('/opt/chromium/chrome', DEBIAN, PLAYWRIGHTS),
        playwrightPath: PLAYWRIGHTS,
      }),
    ).toEqual({ use: 'system', path: '/opt/chromium/chrome', from: 'CHROMIUM_PATH' });
  });

  it("then Debian's Chromium, as in CI, even when Playwright's is installed too", () => {
    for (const env of [{}, { CHROMIUM_PATH: '/missing/chrome' }, { CHROMIUM_PATH: '' }]) {
      expect(
        chooseChromium({ env, exists: holding(DEBIAN, PLAYWRIGHTS), playwrightPath: PLAYWRIGHTS }),
      ).toEqual({
        use: 'system',
        path: DEBIAN,
        from: 'system',
      });
    }
  });

  it("prefers Debian's headless shell to its full Chromium when both are installed", () => {
    expect(
      chooseChromium({
        env: {},
        exists: holding(DEBIAN, DEBIAN_SHELL, PLAYWRIGHTS),
        playwrightPath: PLAYWRIGHTS,
      }),
    ).toEqual({ use: 'system', path: '/usr/bin/chromium-headless-shell', from: 'system' });
    expect(chooseChromium({ env: {}, exists: holding(DEBIAN), playwrightPath: PLAYWRIGHTS })).toEqual({
      use: 'system',
      path: '/usr/bin/chromium',
      from: 'system',
    });
  });

  it("then Playwright's own when it is installed", () => {
    expect(chooseChromium({ env: {}, exists: holding(PLAYWRIGHTS), playwrightPath: PLAYWRIGHTS })).toEqual({
      use: 'playwright',
      path: PLAYWRIGHTS,
    });
  });

  it('asks for an install when there is none, or Playwright has no build for the platform', () => {
    expect(chooseChromium({ env: {}, exists: holding(), playwrightPath: PLAYWRIGHTS })).toEqual({
      use: 'install',
    });
    expect(chooseChromium({ env: {}, exists: holding(), playwrightPath: undefined })).toEqual({
      use: 'install',
    });
  });
});

describe('ensureChromium', () => {
  /** A fake machine: `installed` appears once the fake installer has run with `status`. */
  function machine(
    files: string[],
    env: Record<string, string> = {},
    install = { status: 0, adds: [] as string[] },
  ) {
    const present = new Set(files);
    const log: string[] = [];
    let installs = 0;
    const status = ensureChromium({
      env,
      exists: (path) => present.has(path),
      playwrightPath: PLAYWRIGHTS,
      install: async () => {
        installs += 1;
        install.adds.forEach((path) => present.add(path));
        return install.status;
      },
      log: (line) => log.push(line),
    });
    return status.then((code) => ({ code, log, installs }));
  }

  it('installs nothing when a browser is there, and says which one the tests use', async () => {
    expect(await machine([DEBIAN])).toEqual({
      code: 0,
      installs: 0,
      log: [`End-to-end tests use Chromium at ${DEBIAN} (system package).`],
    });
    expect(await machine([PLAYWRIGHTS])).toEqual({
      code: 0,
      installs: 0,
      log: [`End-to-end tests use Playwright's Chromium at ${PLAYWRIGHTS}.`],
    });
  });

  it('says when CHROMIUM_PATH points nowhere', async () => {
    const result = await machine([DEBIAN], { CHROMIUM_PATH: '/missing/chrome' });
    expect(result.installs).toBe(0);
    expect(result.log[0]).toBe('CHROMIUM_PATH is /missing/chrome, which does not exist; looking elsewhere.');
  });

  it("installs Playwright's Chromium when there is none, and says so", async () => {
    const result = await machine([], {}, { status: 0, adds: [PLAYWRIGHTS] });
    expect(result).toEqual({
      code: 0,
      installs: 1,
      log: [
        `No Chromium found (CHROMIUM_PATH, ${SYSTEM_CHROMIUM_PATHS.join(', ')}, or Playwright's own), so installing Playwright's: npx playwright install chromium`,
        `Installed; end-to-end tests use Playwright's Chromium at ${PLAYWRIGHTS}.`,
      ],
    });
  });

  it('fails with what to do when the install fails or leaves no browser', async () => {
    const failed = await machine([], {}, { status: 3, adds: [] });
    expect(failed.code).toBe(3);
    expect(failed.log[1]).toMatch(/failed \(exit status 3\)\. .*set CHROMIUM_PATH/);
    const empty = await machine([], {}, { status: 0, adds: [] });
    expect(empty.code).toBe(1);
    expect(empty.log[1]).toContain('still missing');
  });
});
