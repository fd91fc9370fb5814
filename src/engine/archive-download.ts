// What a boot from a downloaded dataset archive needs besides the archive, shared by the engine
// (browser-engine.ts) and the bench's floor (scripts/bench-floor-worker.js), so the floor boots
// exactly as the engine does.

/**
 * PGlite's initdb module for a boot from an archive. PGlite fetches initdb.wasm whenever it is not
 * handed a module, to create a cluster where there is none; a boot from an archive never creates
 * one, so it gets this empty module instead of a 299 kB download per worker. Booting without an
 * archive (seeding from SQL) still fetches the real one.
 */
export const NO_INITDB = new WebAssembly.Module(
  new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]),
);

/**
 * Whether a downloaded `.tar.gz` still holds gzip bytes. Some servers send it with
 * Content-Encoding: gzip (astro preview does) and the browser has already unpacked it; others send
 * the gzip bytes. The first two bytes tell.
 */
export async function isGzip(blob: Blob): Promise<boolean> {
  const magic = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
  return magic[0] === 0x1f && magic[1] === 0x8b;
}

/** The gzip bytes unpacked, with the browser's own DecompressionStream. */
export function gunzip(blob: Blob): Promise<Blob> {
  return new Response(blob.stream().pipeThrough(new DecompressionStream('gzip'))).blob();
}
