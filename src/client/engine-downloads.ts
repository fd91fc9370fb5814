// The page's side of src/playground/engine-downloads.ts: starts those downloads and remembers, for
// this tab, which datasets the shared engine has booted.
import pgliteDataUrl from '@electric-sql/pglite/pglite.data?url';
import pgliteWasmUrl from '@electric-sql/pglite/pglite.wasm?url';
import { engineDownloads } from '../playground/engine-downloads.ts';

const BOOTED_KEY = 'round-trip:engine:booted';
const started = new Set<string>();

function booted(): string[] {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(BOOTED_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : [];
  } catch {
    return [];
  }
}

/** Starts the engine's downloads for a playground's dataset, once per page (see engineDownloads). */
export function startEngineDownloads(dataset: string, archive: string | undefined, shared: boolean): void {
  // The dev server sends these files uncached: the page and the worker would both download them.
  if (import.meta.env.DEV) return;
  const urls = engineDownloads({
    dataset,
    archive,
    engineFiles: [pgliteWasmUrl, pgliteDataUrl],
    booted: shared ? booted() : [],
  });
  for (const url of urls) {
    if (started.has(url)) continue;
    started.add(url);
    // Read to the end so that the HTTP cache keeps the whole file, without holding it in the page.
    void fetch(url)
      .then((response) => response.body?.pipeTo(new WritableStream()))
      .catch(() => {});
  }
}

/** Records that this tab's shared engine has booted `dataset`, for the next page of the visit. */
export function rememberBooted(dataset: string): void {
  const names = booted();
  if (names.includes(dataset)) return;
  try {
    sessionStorage.setItem(BOOTED_KEY, JSON.stringify([...names, dataset]));
  } catch {
    // Storage refused: the next page starts the downloads again, which the HTTP cache answers.
  }
}
