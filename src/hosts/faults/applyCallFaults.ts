import { HostError, type InterfaceImpl } from '../hostContract';
import { toKebab } from '../../runtime/witNames';
import { carryAnswersSync } from '../answersSync';
import { patchMethodsForRun, type PatchableClass } from '../../platform/patchForRun';
import type { CallFault, FaultConfig } from './faultConfig';
import type { Rng } from './createRng';

/** Text every injected call failure carries. */
export const INJECTED_FAULT = 'injected fault';

const PATCHED = Symbol('wcp.faults');

/**
 * The error a guest gets from an injected failure, in the interface's own error type:
 * blobstore's `error` is a string; keyvalue's and messaging's are variants with `other`.
 */
export function injectedError(ifaceKey: string): HostError {
  const isBlob = /^(wasi:blobstore|proposal:blobstore-ext)\//.test(ifaceKey);
  return new HostError(isBlob ? INJECTED_FAULT : { tag: 'other', val: INJECTED_FAULT });
}

/**
 * Makes the host calls named in `faults.calls` fail. `imports` maps versionless interface
 * ids ("wasi:keyvalue/store") to jco import objects; functions are replaced, resource
 * classes are patched in place (jco checks `instanceof`, so they must stay the same class).
 * Apply BEFORE the runtime's tracing wrapper, so the traced call shows the injected error.
 * The failure is thrown synchronously, which jco turns into `err(...)` for sync and
 * JSPI-suspending imports alike. Returns `imports`.
 */
export function applyCallFaults(imports: Record<string, InterfaceImpl>, faults: FaultConfig | undefined, rng: Rng): Record<string, InterfaceImpl> {
  const rules = faults?.calls ?? [];
  if (rules.length === 0) return imports;
  for (const [key, impl] of Object.entries(imports)) {
    const mine = rules.filter((r) => versionless(r.iface) === key);
    if (mine.length === 0) continue;
    const counters = new Map<CallFault, number>();
    const decide = (witName: string): boolean => {
      let fail = false;
      for (const rule of mine) if (rule.fn === witName && trips(rule, counters, rng)) fail = true;
      return fail;
    };
    for (const [name, value] of Object.entries(impl)) {
      if (typeof value !== 'function') continue;
      if (isClass(value)) patchClass(value as unknown as PatchableClass, toKebab(name), key, decide);
      else impl[name] = guard(value as Fn, toKebab(name), key, decide);
    }
  }
  return imports;
}

type Fn = (...args: unknown[]) => unknown;

/** Counts the call and rolls the dice; both happen on every call so runs stay reproducible. */
function trips(rule: CallFault, counters: Map<CallFault, number>, rng: Rng): boolean {
  const n = (counters.get(rule) ?? 0) + 1;
  counters.set(rule, n);
  const byCount = rule.nth !== undefined && n === rule.nth;
  const byChance = rule.probability !== undefined && rng.next() < rule.probability;
  return byCount || byChance;
}

function guard(fn: Fn, witName: string, key: string, decide: (w: string) => boolean): Fn {
  const guarded = function (this: unknown, ...args: unknown[]) {
    if (decide(witName)) throw injectedError(key);
    return fn.apply(this, args);
  };
  Object.defineProperty(guarded, 'name', { value: fn.name });
  // The injected failure is thrown synchronously: a host that answers synchronously still does.
  return carryAnswersSync(fn, guarded);
}

/** `res` comes from the import key, not `cls.name`: minified builds rename classes. */
function patchClass(cls: PatchableClass, res: string, key: string, decide: (w: string) => boolean): void {
  // For this run only: a recycled run worker restores the class before its next run.
  patchMethodsForRun(cls, PATCHED, (fn, kind, name) => guard(fn as Fn, `${kind}${res}.${toKebab(name)}`, key, decide));
}

function isClass(fn: unknown): boolean {
  return typeof fn === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

function versionless(iface: string): string {
  const at = iface.indexOf('@');
  return at < 0 ? iface : iface.slice(0, at);
}
