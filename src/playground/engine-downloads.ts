/**
 * Which of the engine's files the page should start downloading as it starts the engine. The
 * worker asks for the same files itself once it has started, about half a second later on this
 * machine; by then the page's requests have them on their way into the HTTP cache, where the
 * worker's requests find them (the files are immutable). On the foreign-key page, an immediate
 * click got its first results ≈ 0.45 s sooner (`npm run bench`).
 *
 * Nothing when this tab's shared engine has booted the dataset already (the next page of a visit:
 * the engine keeps it, and re-reading 16 MB from the cache would only compete with its Run); only
 * the archive when it has booted another one (PGlite's own files are compiled and loaded in it).
 */
export function engineDownloads(input: {
  dataset: string;
  /** The dataset's archive URL; absent when the build has none (the dev server seeds from SQL). */
  archive?: string;
  /** PGlite's WebAssembly and its file-system bundle. */
  engineFiles: readonly string[];
  /** The datasets this tab's shared engine has booted, as far as the tab knows. */
  booted: readonly string[];
}): string[] {
  if (input.archive === undefined || input.booted.includes(input.dataset)) return [];
  return [...(input.booted.length > 0 ? [] : input.engineFiles), input.archive];
}
