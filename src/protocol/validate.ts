/**
 * Tiny structural validators for messages that cross a worker boundary. Messages are
 * checked on receipt because a worker can be stale (an old build) or a tab can run an
 * older version of the app on the same BroadcastChannel.
 */
export type Check = (value: unknown, path: string) => string | null;

export const isString: Check = (v, p) => (typeof v === 'string' ? null : `${p} must be a string`);
export const isNumber: Check = (v, p) => (typeof v === 'number' && Number.isFinite(v) ? null : `${p} must be a number`);
export const isBytes: Check = (v, p) => (v instanceof Uint8Array ? null : `${p} must be a Uint8Array`);
export const isAny: Check = () => null;

export const isOneOf =
  (...allowed: string[]): Check =>
  (v, p) =>
    typeof v === 'string' && allowed.includes(v) ? null : `${p} must be one of ${allowed.join(', ')}`;

export const isArrayOf =
  (item: Check): Check =>
  (v, p) => {
    if (!Array.isArray(v)) return `${p} must be an array`;
    // The path is only spelled out for a failing item: a trace batch holds thousands of
    // events, and building a path string per item was most of the cost of validating it.
    for (let i = 0; i < v.length; i++) if (item(v[i], '') !== null) return item(v[i], `${p}[${i}]`);
    return null;
  };

export const isOptional =
  (inner: Check): Check =>
  (v, p) =>
    v === undefined ? null : inner(v, p);

/** An object whose listed fields pass their checks; extra fields are allowed. */
export const isShape =
  (fields: Record<string, Check>): Check =>
  (v, p) => {
    if (typeof v !== 'object' || v === null) return `${p} must be an object`;
    const rec = v as Record<string, unknown>;
    for (const name in fields) if (fields[name](rec[name], '') !== null) return fields[name](rec[name], `${p}.${name}`);
    return null;
  };

/** Validates a discriminated union by its `type` field against one shape per variant. */
export function checkUnion(value: unknown, variants: Record<string, Record<string, Check>>, what: string): string | null {
  if (typeof value !== 'object' || value === null) return `${what}: not an object`;
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !(type in variants)) return `${what}: unknown type ${JSON.stringify(type)}`;
  return isShape(variants[type])(value, `${what}(${type})`);
}
