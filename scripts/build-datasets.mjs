// Builds one pre-seeded PGlite data directory per dataset (content/datasets/<name>/), so the
// browser boots a ready database instead of running initdb and the seed on first Run.
// Output: public/datasets/<name>.tar.gz (generated, not committed).
// Run with --experimental-strip-types: it shares the seeding code with the engine.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { contribExtensions } from '../src/engine/contrib-extensions.ts';
import { datasetExtensions } from '../src/engine/dataset-extensions.ts';
import { seedDataset } from '../src/engine/dataset-loader.ts';

const root = new URL('../', import.meta.url);
const datasetsDir = new URL('content/datasets/', root);
const outDir = new URL('public/datasets/', root);
await mkdir(outDir, { recursive: true });

for (const entry of await readdir(datasetsDir, { withFileTypes: true })) {
  if (!entry.isDirectory()) continue;
  const name = entry.name;
  const started = performance.now();
  const read = (file) => readFile(new URL(`${name}/${file}`, datasetsDir), 'utf8');
  const schema = await read('schema.sql');
  // The contrib extensions the schema creates (CREATE EXTENSION …) must be loaded to seed it,
  // as the worker loads them to boot from the archive.
  const db = await PGlite.create({ extensions: contribExtensions(datasetExtensions(schema)) });
  // Without this, checkpoints keep the WAL segments the seed filled as spares, and the dump
  // carries them: several MB of dead WAL in every download.
  await db.exec('SET wal_recycle = off');
  await seedDataset(db, name, { schema, seed: await read('seed.sql') });
  // The template databases are only used by CREATE DATABASE, which cannot run inside a
  // playground run's transaction anyway; dropping them makes the download smaller and the boot
  // faster (fewer files to unpack).
  for (const template of ['template0', 'template1']) {
    await db.exec(`ALTER DATABASE ${template} IS_TEMPLATE false`);
    await db.exec(`DROP DATABASE ${template}`);
  }
  // A compact directory: VACUUM and CHECKPOINT cannot run inside the seeding script.
  await db.exec('VACUUM');
  await db.exec('CHECKPOINT');
  const dump = await db.dumpDataDir('gzip');
  await writeFile(new URL(`${name}.tar.gz`, outDir), Buffer.from(await dump.arrayBuffer()));
  await db.close();
  const ms = Math.round(performance.now() - started);
  console.log(`dataset ${name}: ${(dump.size / 1024).toFixed(0)} KiB gzip in ${ms} ms`);
}
