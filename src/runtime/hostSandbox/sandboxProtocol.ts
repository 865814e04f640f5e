import type { HostConfig } from '../../hosts/hostContract';
import { checkUnion, isAny, isArrayOf, isNumber, isOneOf, isOptional, isShape, isString, type Check } from '../../protocol/validate';

/**
 * The message protocol between a run worker and the host-code sandbox worker (a blob worker
 * inside a `sandbox="allow-scripts"` iframe, opaque origin). Everything the sandboxed host
 * code can do to the playground goes through these messages, so the run worker validates
 * every one it receives: the sandbox runs code nobody here vouched for.
 *
 * Resources created by sandboxed host code never leave the sandbox; they cross as
 * `{ $sandboxResource: handle, c: "iface|Name" }`. Handles the run worker allocates (for
 * resource constructors, which jco calls synchronously) are negative, the sandbox's positive.
 */
export const RESOURCE_KEY = '$sandboxResource';

/** A resource handle as it crosses the boundary. */
export interface ResourceRef {
  [RESOURCE_KEY]: number;
  /** `iface|ClassName`, so the receiving side can pick the proxy class. */
  c?: string;
}

/** One interface of a sandboxed host package: jco import keys (camelCase functions, PascalCase resources). */
export interface SandboxInterface {
  functions: string[];
  resources: Record<string, { methods: string[]; statics: string[] }>;
}

/** A host package as the sandbox describes it after `create(ctx)`. */
export interface SandboxPackage {
  id: string;
  description: string;
  interfaces: Record<string, SandboxInterface>;
  /** The module defines `attachExports(ctx, exports)` (it drives guest exports). */
  attaches: boolean;
}

/** Run worker → sandbox. */
export type ToSandbox =
  | { type: 'load'; sources: Record<string, string>; config: HostConfig; tab?: string }
  /**
   * Fetch, parse and link these host modules now, evaluating none of them: a later `load` of
   * the same source text only opens its gate. Sent to a spare sandbox, from the page only.
   */
  | { type: 'prepare'; sources: Record<string, string> }
  | { type: 'call'; id: number; pkg: string; iface: string; name: string; kind: 'fn' | 'method' | 'static'; self?: number; cls?: string; args: unknown[] }
  | { type: 'construct'; handle: number; pkg: string; iface: string; cls: string; args: unknown[] }
  | { type: 'drop'; handle: number }
  | { type: 'attach'; id: number; pkg: string; exports: Record<string, string[]> }
  | { type: 'guestReturn'; id: number; ok: boolean; value?: unknown; message?: string }
  /** Syntax check for the Host code tab: the module is imported (top level runs, `create` does not). */
  | { type: 'check'; id: number; source: string };

/** Sandbox → run worker. */
export type FromSandbox =
  | { type: 'loaded'; packages: SandboxPackage[] }
  | { type: 'loadFailed'; message: string }
  | { type: 'return'; id: number; value: unknown }
  | { type: 'throw'; id: number; message: string; hasPayload: boolean; payload?: unknown }
  | { type: 'log'; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'emit'; event: Record<string, unknown> }
  | { type: 'guestCall'; id: number; iface: string; fn: string; args: unknown[] }
  | { type: 'checked'; id: number; error?: string };

const isStringRecord = (item: Check): Check => (v, p) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${p} must be an object`;
  for (const [k, x] of Object.entries(v)) {
    const err = item(x, `${p}.${k}`);
    if (err) return err;
  }
  return null;
};
const isBoolean: Check = (v, p) => (typeof v === 'boolean' ? null : `${p} must be a boolean`);
/** jco import keys are JS identifiers; anything else would let a package poke at prototypes. */
const isIdentifier: Check = (v, p) => (typeof v === 'string' && /^[A-Za-z_$][\w$]*$/.test(v) && v !== '__proto__' && v !== 'constructor' ? null : `${p} must be an identifier`);
const isInterface = isShape({
  functions: isArrayOf(isIdentifier),
  resources: isStringRecord(isShape({ methods: isArrayOf(isIdentifier), statics: isArrayOf(isIdentifier) })),
});
const isPackage = isShape({ id: isString, description: isString, interfaces: isStringRecord(isInterface), attaches: isBoolean });
/** Host code may describe what it did, but never as another guest or tab: the runtime stamps those. */
const isEmitted = isShape({ kind: isOneOf('call', 'message', 'lifecycle') });

/** Validates a message from the sandbox; returns why it is rejected, or null. */
export function validateFromSandbox(value: unknown): string | null {
  return checkUnion(
    value,
    {
      loaded: { packages: isArrayOf(isPackage) },
      loadFailed: { message: isString },
      return: { id: isNumber, value: isAny },
      throw: { id: isNumber, message: isString, hasPayload: isBoolean, payload: isAny },
      log: { stream: isOneOf('stdout', 'stderr'), text: isString },
      emit: { event: isEmitted },
      guestCall: { id: isNumber, iface: isString, fn: isString, args: isArrayOf(isAny) },
      checked: { id: isNumber, error: isOptional(isString) },
    },
    'host sandbox message',
  );
}
