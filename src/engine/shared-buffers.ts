const MB = 1024 * 1024;

/** The smallest shared_buffers an archive gets, in MB. */
export const MIN_SHARED_BUFFERS_MB = 8;

/**
 * The `shared_buffers` a dataset's archive starts with, in MB: room for all of the dataset's own
 * tables, indexes and TOAST, a quarter more for the rows the write examples add (rolled back, but
 * their pages stay), and 4 MB for the catalogs a run reads; never under 8 MB.
 *
 * Why not one figure for all: PostgreSQL zeroes its whole shared memory when it starts, and in
 * WebAssembly that is a large part of a cold boot. Measured with PGlite 0.5 in Node (CPU profile,
 * the library archive): memset at start 150 ms with 32 MB (42 MB of shared memory), 90 ms with
 * 13 MB, 57 ms with 8 MB. Sized by the data, the small datasets start faster and every dataset's
 * data still fits, so no example's timing pays for reads a real server would serve from memory.
 */
export function sharedBuffersMb(datasetBytes: number): number {
  if (!Number.isFinite(datasetBytes) || datasetBytes < 0) {
    throw new Error(`Not a dataset size in bytes: ${datasetBytes}`);
  }
  return Math.max(MIN_SHARED_BUFFERS_MB, Math.ceil((datasetBytes * 1.25) / MB) + 4);
}
