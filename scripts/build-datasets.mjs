// Builds one pre-seeded PGlite data directory per dataset (content/datasets/<name>/), so the
// browser boots a ready database instead of running initdb and the seed on first Run.
//
// Output (generated, not committed):
//   public/datasets/<name>.<hash>.tar.gz   the data directory, named by the hash of what decides
//                                          its content (scripts/dataset-recipe.ts), so it can be
//                                          served as immutable and keeps its name from build to
//                                          build until its recipe changes
//   src/generated/datasets.json            name → archive path, size and the warm-up query
//
// An archive whose recipe has not changed since the last build is kept, not built again
// (`-- --force` rebuilds every one).
//
// What makes the archive small and its boot fast (measured, see ARCHITECTURE.md):
// - 1 MB WAL segments instead of 16 MB: the default archive was mostly two WAL segments that
//   held the whole seed (32 of 44 MB unpacked);
// - the cluster is shut down cleanly and reopened once before it is packed, so booting it needs
//   no crash recovery and finds the relation cache init files ready;
// - shared_buffers sized to the dataset (src/engine/shared-buffers.ts): PostgreSQL zeroes all of
//   its shared memory at start, which costs start-up time in WebAssembly.
//
// Run with --experimental-strip-types: it shares the seeding code with the engine.
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import tinytar from 'tinytar';
import { contribExtensions } from '../src/engine/contrib-extensions.ts';
import { primaryKeySelect } from '../src/engine/database-pool.ts';
import { datasetExtensions } from '../src/engine/dataset-extensions.ts';
import { seedDataset } from '../src/engine/dataset-loader.ts';
import { sharedBuffersMb } from '../src/engine/shared-buffers.ts';
import { keptEntry } from './dataset-recipe.ts';
import { datasetRecipe } from './dataset-recipe-fs.ts';

const root = new URL('../', import.meta.url);
const datasetsDir = new URL('content/datasets/', root);
const publicDir = new URL('public/', root);
const outDir = new URL('datasets/', publicDir);
const manifestFile = new URL('src/generated/datasets.json', root);
await mkdir(outDir, { recursive: true });
await mkdir(new URL('src/generated/', root), { recursive: true });

const previous = await readFile(manifestFile, 'utf8').then(JSON.parse, () => undefined);
const force = process.argv.includes('--force');
const manifest = {};
for (const entry of await readdir(datasetsDir, { withFileTypes: true })) {
  if (!entry.isDirectory()) continue;
  const name = entry.name;
  const started = performance.now();
  const file = `${name}.${datasetRecipe(fileURLToPath(root), name).hash}.tar.gz`;
  const kept = keptEntry(
    previous,
    name,
    `datasets/${file}`,
    (archive) => existsSync(new URL(archive, publicDir)),
    force,
  );
  // Only the archive the manifest names stays in public/datasets (and so in dist/).
  const removeOthers = async () => {
    for (const old of await readdir(outDir)) {
      if (old.startsWith(`${name}.`) && old !== file) await rm(new URL(old, outDir));
    }
  };
  if (kept) {
    await removeOthers();
    manifest[name] = kept;
    console.log(`dataset ${name}: ${file} kept (its recipe has not changed)`);
    continue;
  }
  const read = (sqlFile) => readFile(new URL(`${name}/${sqlFile}`, datasetsDir), 'utf8');
  const schema = await read('schema.sql');
  // The contrib extensions the schema creates must be loaded to seed it, as the worker loads
  // them to boot from the archive.
  const extensions = contribExtensions(datasetExtensions(schema));
  const dataDir = await mkdtemp(join(tmpdir(), `round-trip-${name}-`));
  try {
    const db = await PGlite.create({ dataDir, extensions, initDbStartParams: ['--wal-segsize=1'] });
    await db.exec('SET wal_recycle = off');
    await seedDataset(db, name, { schema, seed: await read('seed.sql') });
    // The template databases are only used by CREATE DATABASE, which cannot run inside a
    // playground run's transaction anyway: fewer files to download and unpack.
    for (const template of ['template0', 'template1']) {
      await db.exec(`ALTER DATABASE ${template} IS_TEMPLATE false`);
      await db.exec(`DROP DATABASE ${template}`);
    }
    const {
      rows: [{ bytes }],
    } = await db.query(
      `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint AS bytes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')`,
      [name],
    );
    const sharedBuffers = sharedBuffersMb(Number(bytes));
    await db.exec(`ALTER SYSTEM SET shared_buffers = '${sharedBuffers}MB'`);
    await db.exec('VACUUM');
    await db.query('SELECT pg_switch_wal()');
    await db.exec('CHECKPOINT');
    const warmUpSql = await primaryKeySelect(db, name);
    await db.close();
    // Reopened once and closed cleanly: the packed cluster needs no recovery at boot, and the
    // relation cache init files this start writes come with it.
    const reopened = await PGlite.create({ dataDir, extensions });
    await reopened.exec('CHECKPOINT');
    await reopened.close();

    const tar = tinytar.tar(await filesOf(dataDir));
    const gzip = gzipSync(tar, { level: 9 });
    await removeOthers();
    await writeFile(new URL(file, outDir), gzip);
    manifest[name] = {
      archive: `datasets/${file}`,
      bytes: gzip.length,
      unpackedBytes: tar.length,
      sharedBuffersMb: sharedBuffers,
      extensions: datasetExtensions(schema),
      warmUpSql,
    };
    const ms = Math.round(performance.now() - started);
    console.log(
      `dataset ${name}: ${(gzip.length / 1024).toFixed(0)} KiB gzip (${(tar.length / 1024 / 1024).toFixed(1)} MB unpacked, shared_buffers ${sharedBuffers} MB) in ${ms} ms`,
    );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);

/**
 * The data directory as PGlite's own dumpDataDir() lays it out: every directory and file, named
 * by its path below the data directory with a leading slash, so loadDataDir() unpacks it as its own.
 */
async function filesOf(dir, prefix = '') {
  const files = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = `${prefix}/${entry.name}`;
    const info = await stat(join(dir, path));
    if (entry.isDirectory()) {
      files.push({ name: path, type: tinytar.DIRTYPE, mode: 0o700, modifyTime: info.mtime });
      files.push(...(await filesOf(dir, path)));
    } else if (entry.isFile()) {
      files.push({
        name: path,
        type: tinytar.REGTYPE,
        mode: 0o600,
        modifyTime: info.mtime,
        // A copy with its own ArrayBuffer: tinytar packs `data.buffer` whole, and Node hands out
        // an empty file's contents as a zero-length view of a shared 64 KiB pool, which then
        // landed in the archive as the file (empty catalogs became 64 KiB of garbage pages, and
        // DISCARD ALL, DISCARD TEMP and DROP TABLE failed on "invalid page in block 0").
        data: new Uint8Array(await readFile(join(dir, path))),
      });
    }
  }
  return files;
}
