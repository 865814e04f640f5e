/**
 * In-place patches of shared objects that belong to one run. Host resource classes are
 * module-level (jco checks `instanceof` against the class it was given, so tracing and
 * fault injection wrap their methods on the class itself), and a run worker that is
 * recycled (src/runtime/runWorkerPool.ts) serves another run later: that run must find
 * the classes as a fresh worker would, not wrapped with the last run's trace sink, JSPI
 * list or fault rules. Each patch records what it replaced; the worker restores them all
 * when it drops the run.
 */
const saved: Array<{ target: object; key: string | symbol; before: PropertyDescriptor | undefined }> = [];

/** Sets `target[key]` to `value` until {@link restoreRunPatches}; `define` makes it a non-enumerable, configurable own property. */
export function patchForRun(target: object, key: string | symbol, value: unknown, define = false): void {
  saved.push({ target, key, before: Object.getOwnPropertyDescriptor(target, key) });
  if (define) Object.defineProperty(target, key, { value, writable: true, configurable: true });
  else (target as Record<string | symbol, unknown>)[key] = value;
}

/** Puts back everything {@link patchForRun} replaced, newest first, so the original wins. */
export function restoreRunPatches(): void {
  for (let i = saved.length - 1; i >= 0; i--) {
    const { target, key, before } = saved[i]!;
    if (before) Object.defineProperty(target, key, before);
    else delete (target as Record<string | symbol, unknown>)[key];
  }
  saved.length = 0;
}

/** A host class as jco receives it: methods on its prototype, static functions on itself. */
export type PatchableClass = Record<string | symbol, unknown> & { prototype: Record<string | symbol, unknown> };

/**
 * Replaces, for this run, every method of `cls.prototype` and every writable static function
 * of `cls` with `wrap(fn, kind, name)`. Done once per run and `marker`: a class imported by
 * two interfaces (or twice) is wrapped once, as it would be in a fresh worker.
 */
export function patchMethodsForRun(cls: PatchableClass, marker: symbol, wrap: (fn: (...a: unknown[]) => unknown, kind: '[method]' | '[static]', name: string) => unknown): void {
  if (cls[marker]) return;
  patchForRun(cls, marker, true);
  for (const name of Object.getOwnPropertyNames(cls.prototype)) {
    const desc = Object.getOwnPropertyDescriptor(cls.prototype, name);
    if (name === 'constructor' || !desc || typeof desc.value !== 'function') continue;
    patchForRun(cls.prototype, name, wrap(desc.value as (...a: unknown[]) => unknown, '[method]', name));
  }
  for (const name of Object.getOwnPropertyNames(cls)) {
    const desc = Object.getOwnPropertyDescriptor(cls, name);
    if (!desc || typeof desc.value !== 'function' || !desc.writable) continue;
    patchForRun(cls, name, wrap(desc.value as (...a: unknown[]) => unknown, '[static]', name));
  }
}
