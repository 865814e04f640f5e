import { SYNC_IMPORT_MARK } from '../toolchain/syncImports';

/**
 * Built-in hosts mark a function (or a resource class, for its constructor) that can NEVER
 * return a Promise. The run worker's tracing wrapper (wrapInterface.ts) turns the mark into
 * the one the guest's glue checks (`Symbol.for(SYNC_IMPORT_MARK)`), and the glue then imports
 * the function without `WebAssembly.Suspending` (toolchain/syncImports.ts): the guest is not
 * suspended for it. A marked function that does return a Promise fails the call (the guest
 * traps with a message naming it) instead of waiting. Private to the built-in hosts: host
 * code the user wrote and linked guests stay on the suspending path.
 */
const ANSWERS_SYNC = Symbol('wcp.answersSync');

/** Glue-visible mark (see toolchain/syncImports.ts); only the runtime's wrappers set it. */
export const GLUE_SYNC_MARK: unique symbol = Symbol.for(SYNC_IMPORT_MARK) as never;

type Markable = object & { [ANSWERS_SYNC]?: boolean };

/** Marks `fn` as always answering synchronously; returns it. */
export function answersSync<T extends object>(fn: T): T {
  Object.defineProperty(fn, ANSWERS_SYNC, { value: true, configurable: true });
  return fn;
}

/** Whether `fn` is a built-in host function marked with {@link answersSync}. */
export function isAnswersSync(fn: unknown): boolean {
  return typeof fn === 'function' && (fn as Markable)[ANSWERS_SYNC] === true;
}

/** `to` (a wrapper of `from` that adds no await) marked like `from`; returns `to`. */
export function carryAnswersSync<T extends object>(from: unknown, to: T): T {
  return isAnswersSync(from) ? answersSync(to) : to;
}

/** Marks each named method of `cls.prototype`, and the class itself (its constructor) when `ctor`. */
export function answersSyncMethods(cls: { prototype: object }, names: readonly string[], ctor = false): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const name of names) {
    const fn = proto[name];
    if (typeof fn !== 'function') throw new Error(`answersSyncMethods: no method "${name}"`);
    answersSync(fn);
  }
  if (ctor) answersSync(cls);
}
