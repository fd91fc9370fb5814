// The build's dataset manifest (scripts/build-datasets.mjs writes src/generated/datasets.json): the
// worker boots from the archives it names, and the playground's markup names its dataset's archive
// so that the page can start that download as it starts the engine (src/client/engine-downloads.ts).

export interface DatasetManifest {
  [name: string]: { archive: string; bytes: number; extensions?: string[]; warmUpSql: string };
}

// Absent before the first build (and in `astro check` on a fresh checkout): then every dataset is
// seeded from its SQL.
const manifests = import.meta.glob<DatasetManifest>('/src/generated/datasets.json', {
  eager: true,
  import: 'default',
});

export const datasetManifest: DatasetManifest = Object.values(manifests)[0] ?? {};
