/**
 * Converts arguments typed in the UI (JSON values) to what jco expects for the WIT
 * parameter types: bigints for 64-bit integers, bytes for list<u8>.
 */
export function coerceArgs(args: unknown[], params: { name: string; type: string }[]): unknown[] {
  return args.map((arg, i) => coerce(arg, params[i]?.type ?? ''));
}

function coerce(arg: unknown, type: string): unknown {
  const t = type.replace(/\s+/g, '');
  if (t === 'u64' || t === 's64') {
    if (typeof arg === 'bigint') return arg;
    if (typeof arg === 'number' || typeof arg === 'string') return BigInt(arg);
  }
  if (t === 'list<u8>' && typeof arg === 'string') return new TextEncoder().encode(arg);
  if (t.startsWith('option<')) return arg === null ? undefined : coerce(arg, t.slice(7, -1));
  return arg;
}
