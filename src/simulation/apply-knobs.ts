/**
 * Sets the numbers the reader chose with the page's knobs into the services' declaration, by
 * their dotted paths. Returns a new object; the declaration itself is never changed.
 *
 * @example
 * applyKnobs({ upstreams: { payments: { errorRate: 0 } } }, { 'upstreams.payments.errorRate': 0.2 });
 * // { upstreams: { payments: { errorRate: 0.2 } } }
 */
export function applyKnobs<T extends object>(declared: T, values: Readonly<Record<string, number>>): T {
  const copy = structuredClone(declared) as Record<string, unknown>;
  for (const [path, value] of Object.entries(values)) {
    const keys = path.split('.');
    let target: Record<string, unknown> = copy;
    for (const key of keys.slice(0, -1)) {
      const next = target[key];
      if (next === undefined) target[key] = {};
      else if (typeof next !== 'object' || next === null)
        throw new Error(`The knob path "${path}" does not lead to a number`);
      target = target[key] as Record<string, unknown>;
    }
    target[keys.at(-1)!] = value;
  }
  return copy as T;
}

/** The value a declaration holds at a dotted path, or undefined. */
export function valueAtPath(declared: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], declared);
}
