import { readdirSync } from 'node:fs';
import type { EditedModuleDependencies } from '../../src/engine/edited-module.ts';
import { projectRoot } from './content-files.ts';

/** Edited code in Node: the factory from a data: URL, the same Kysely, the same dataset names. */
export const editedModuleDependencies: EditedModuleDependencies = {
  importFactory: (source) =>
    import(/* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`),
  kysely: () => import('kysely'),
  datasets: readdirSync(new URL('content/datasets/', projectRoot)),
};
