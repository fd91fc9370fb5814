/**
 * Loads edited code: the module factory made by src/client/transpile-variant.ts, called with a
 * require() that resolves only what playground code may import. Kysely is the worker's own copy
 * (so `sql` from an import and `sql` from the context are the same function); a dataset's type
 * module resolves to an empty module (it holds only types, which the transpiler removed).
 */
import type { VariantFunction } from './example-context.ts';

type ModuleFactory = (
  require: (specifier: string) => unknown,
  module: { exports: Record<string, unknown> },
  exports: Record<string, unknown>,
) => void;

export interface EditedModuleDependencies {
  /** Imports the factory module's source (a blob: URL in the browser, a data: URL in Node). */
  importFactory(source: string): Promise<{ default: ModuleFactory }>;
  /** The Kysely module the engine itself uses. */
  kysely(): Promise<object>;
  /** Names of the datasets whose type modules may be imported. */
  datasets: readonly string[];
}

/** A dataset's type module as a variant imports it: `../../datasets/<name>/<name>-database.ts`. */
const DATASET_MODULE =
  /^(?:\.\.?\/)*(?:content\/)?datasets\/([a-z][a-z0-9-]*)\/([a-z][a-z0-9-]*)-database(?:\.ts)?$/;

/** Raised when edited code imports something the playground does not provide. */
export class ImportRefusedError extends Error {
  constructor(specifier: string) {
    super(
      `Cannot import "${specifier}": playground code can import only "kysely" and the dataset types ` +
        `("../../datasets/<name>/<name>-database.ts"). Everything else the code needs ` +
        `comes in the function's argument: db, sql, n and, where the example has them, the simulated services.`,
    );
    this.name = 'ImportRefusedError';
  }
}

/** The specifiers a factory requires with a literal string, in order of appearance. */
export function requiredSpecifiers(javascript: string): string[] {
  const found = new Set<string>();
  for (const match of javascript.matchAll(/\brequire\((['"])([^'"\n]*)\1\)/g)) found.add(match[2]!);
  return [...found];
}

/** Resolves a specifier to what it may load, or undefined when it is refused. */
export function resolveImport(
  specifier: string,
  datasets: readonly string[],
): 'kysely' | 'dataset' | undefined {
  if (specifier === 'kysely') return 'kysely';
  const dataset = DATASET_MODULE.exec(specifier);
  if (dataset && dataset[1] === dataset[2] && datasets.includes(dataset[1]!)) return 'dataset';
  return undefined;
}

export async function loadEditedModule(
  source: string,
  deps: EditedModuleDependencies,
): Promise<VariantFunction> {
  // Refuse before running anything: a bad import is a mistake in the code, not in its run.
  const loaded = new Map<string, unknown>();
  for (const specifier of requiredSpecifiers(source)) {
    const kind = resolveImport(specifier, deps.datasets);
    if (kind === undefined) throw new ImportRefusedError(specifier);
    loaded.set(specifier, kind === 'kysely' ? await deps.kysely() : Object.freeze({ __esModule: true }));
  }
  const factory = (await deps.importFactory(source)).default;
  if (typeof factory !== 'function')
    throw new TypeError('The edited code did not compile to a module factory');
  const module = { exports: {} as Record<string, unknown> };
  factory(
    (specifier) => {
      // A computed import(…) or require(…) arrives here without having been checked above.
      if (!loaded.has(specifier)) throw new ImportRefusedError(String(specifier));
      return loaded.get(specifier);
    },
    module,
    module.exports,
  );
  return module.exports.default as VariantFunction;
}
