import { moreItems, PREVIEW_ITEMS, PREVIEW_MAX_DEPTH, renderValue, resourceNameOf } from './renderValue';

/**
 * A guest's return value as the console prints it: renderValue's preview written as JSON,
 * except that bigints (WIT's s64 and u64, jco's BigInt) are written as bare numbers, at any
 * depth (in records, lists, options, variants). Why a text and not the preview: the preview is
 * JSON-safe, so it carries a bigint as a decimal string, and the page could no longer tell
 * `u64` 1 (shown `1`, as Rust or WIT would) from the string "1" (shown quoted).
 * Bounded as the preview is: the same depth, item and string limits.
 */
export function formatResult(value: unknown): string {
  return write(value, 0);
}

function write(value: unknown, depth: number): string {
  if (typeof value === 'bigint') return value.toString();
  if (depth <= PREVIEW_MAX_DEPTH && Array.isArray(value)) {
    const items = value.slice(0, PREVIEW_ITEMS).map((v) => write(v, depth + 1));
    if (value.length > PREVIEW_ITEMS) items.push(JSON.stringify(moreItems(value.length)));
    return `[${items.join(',')}]`;
  }
  if (depth <= PREVIEW_MAX_DEPTH && isPlainObject(value)) {
    const fields = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${write(v, depth + 1)}`);
    return `{${fields.join(',')}}`;
  }
  // Everything else (strings, numbers, bytes, resources, too deep) exactly as the preview has it.
  return JSON.stringify(renderValue(value, depth)) ?? 'null';
}

/** A record or variant (jco: a plain object), not a resource, bytes or another class. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Uint8Array) && resourceNameOf(value) === undefined;
}
