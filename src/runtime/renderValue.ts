/**
 * Turns guest/host values into JSON-safe previews for the trace and the console:
 * bytes become text (when printable) plus a hex prefix, bigints become "123n"-free
 * decimal strings, resources become `<Bucket#3>`. Previews are bounded so a 50 MB blob
 * never lands in the trace.
 */
export function renderValue(value: unknown, depth = 0): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'string') return previewString(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return renderBytes(value);
  if (depth > PREVIEW_MAX_DEPTH) return '…';
  if (Array.isArray(value)) {
    const items = value.slice(0, PREVIEW_ITEMS).map((v) => renderValue(v, depth + 1));
    if (value.length > PREVIEW_ITEMS) items.push(moreItems(value.length));
    return items;
  }
  if (typeof value === 'function') return `<fn ${value.name}>`;
  if (typeof value === 'object') {
    const name = resourceNameOf(value);
    if (name !== undefined) return `<${name}#${resourceIdOf(value)}>`;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = renderValue(v, depth + 1);
    return out;
  }
  return String(value);
}

// The preview's bounds. The trace's writer (encodeTraceBatch.ts) walks a host value the same
// way and the page finishes the preview (decodeTraceBatch.ts): all three read these.
/** Nesting levels shown before a value becomes `…`. */
export const PREVIEW_MAX_DEPTH = 4;
/** Items of an array shown; the rest are counted (`… 5 more`). */
export const PREVIEW_ITEMS = 20;
/** Characters of a string shown before `…`. */
const PREVIEW_CHARS = 200;

/** A string as previews show it: at most PREVIEW_CHARS characters, then `…`. */
export function previewString(value: string): string {
  return value.length > PREVIEW_CHARS ? `${value.slice(0, PREVIEW_CHARS)}…` : value;
}

/** The closing item of an array longer than PREVIEW_ITEMS. */
export function moreItems(length: number): string {
  return `… ${length - PREVIEW_ITEMS} more`;
}

/** Set on resource classes by the runtime: minified builds rename classes, WIT names stay. */
export const RESOURCE_NAME = Symbol.for('wcp.resourceName');

/**
 * The name an object is shown under as `<name#id>` (a resource, an Error, a typed array
 * other than bytes), or undefined for a plain object (shown field by field).
 */
export function resourceNameOf(value: object): string | undefined {
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return undefined;
  const ctor = proto.constructor as { [RESOURCE_NAME]?: string; name?: string } | undefined;
  return ctor?.[RESOURCE_NAME] ?? ctor?.name ?? 'resource';
}

// The id lives on the resource itself (a symbol key, so jco and guests never see it): a
// WeakMap entry per resource cost a flooded handler more than its own call (one message
// resource per delivery), in the insert and again in every scavenge of the ephemeron table.
const RESOURCE_ID = Symbol('wcp.resourceId');
const ids = new WeakMap<object, number>();
let nextId = 1;
/**
 * Numbers start again at 1 for the next run of a recycled worker (its resources are gone),
 * as they do in a fresh one: a run's first bucket is `<bucket#1>` however it got its worker.
 */
export function restartResourceIds(): void {
  nextId = 1;
}

/** The number an object is shown with (`<bucket#3>`), the same for its whole life in this worker. */
export function resourceIdOf(value: object): number {
  const tagged = value as { [RESOURCE_ID]?: number };
  let id = tagged[RESOURCE_ID] ?? ids.get(value);
  if (id === undefined) {
    id = nextId++;
    if (Object.isExtensible(value)) tagged[RESOURCE_ID] = id;
    else ids.set(value, id);
  }
  return id;
}

/** Bytes previews look at no more than this many leading bytes. */
export const BYTES_HEAD = 256;

/** Bytes as `{ bytes, text }` when they decode as printable UTF-8, else `{ bytes, hex }`. */
export function renderBytes(bytes: Uint8Array): { bytes: number; text?: string; hex?: string } {
  return renderBytesHead(bytes.subarray(0, BYTES_HEAD), bytes.length);
}

/**
 * {@link renderBytes} from the first {@link BYTES_HEAD} bytes and the full length: the trace
 * sends only those and the page renders them (encodeTraceBatch.ts, decodeTraceBatch.ts).
 */
export function renderBytesHead(head: Uint8Array, length: number): { bytes: number; text?: string; hex?: string } {
  const text = decodePrintable(head);
  if (text !== null) return { bytes: length, text: length > BYTES_HEAD ? `${text}…` : text };
  const hex = Array.from(head.subarray(0, 64), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return { bytes: length, hex: length > 64 ? `${hex} …` : hex };
}

const decoder = new TextDecoder('utf-8', { fatal: true });
function decodePrintable(bytes: Uint8Array): string | null {
  // Most payloads are short printable ASCII (every message.data of a replay): read them
  // without the decoder call and the regex.
  if (bytes.length <= 64) {
    let ascii = true;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b > 0x7e || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d)) {
        ascii = false;
        break;
      }
    }
    if (ascii) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  }
  try {
    const text = decoder.decode(bytes);
    // Control characters other than tab/newline make the preview useless as text.
    return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? null : text;
  } catch {
    return null;
  }
}
