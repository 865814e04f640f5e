import { binaryString } from '../platform/binaryString';
/**
 * Structured-clone values as JSON, for the export-everything file: IndexedDB holds
 * Uint8Arrays (key-value data, blobs), bigints, dates and Blobs that JSON.stringify would
 * lose. Tagged objects use the key `$wcp`, which no stored record uses.
 */
export type Encoded = null | boolean | number | string | Encoded[] | { [key: string]: Encoded };

const b64 = (bytes: Uint8Array) => btoa(binaryString(bytes));
const unb64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

export async function encodeValue(v: unknown): Promise<Encoded> {
  if (v === undefined) return { $wcp: 'undefined' };
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { $wcp: 'number', v: String(v) };
  if (typeof v === 'bigint') return { $wcp: 'bigint', v: v.toString() };
  if (v instanceof Date) return { $wcp: 'date', v: v.getTime() };
  if (v instanceof Uint8Array) return { $wcp: 'u8', v: b64(v) };
  if (v instanceof ArrayBuffer) return { $wcp: 'buffer', v: b64(new Uint8Array(v)) };
  if (ArrayBuffer.isView(v)) return { $wcp: 'u8', v: b64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
  if (typeof Blob !== 'undefined' && v instanceof Blob) return { $wcp: 'blob', type: v.type, v: b64(new Uint8Array(await v.arrayBuffer())) };
  if (Array.isArray(v)) return Promise.all(v.map(encodeValue));
  if (typeof v === 'object') {
    const out: Record<string, Encoded> = {};
    for (const [k, x] of Object.entries(v)) out[k] = await encodeValue(x);
    return out;
  }
  throw new Error(`cannot export a ${typeof v}`);
}

export function decodeValue(v: Encoded): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(decodeValue);
  const tag = v.$wcp;
  if (typeof tag === 'string') {
    const s = v.v as string;
    switch (tag) {
      case 'undefined': return undefined;
      case 'number': return Number(s);
      case 'bigint': return BigInt(s);
      case 'date': return new Date(v.v as number);
      case 'u8': return unb64(s);
      case 'buffer': return unb64(s).buffer;
      case 'blob': return new Blob([unb64(s)], { type: String(v.type ?? '') });
    }
  }
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decodeValue(x)]));
}

/** Equality of two stored values by their encoded form (decides import conflicts). */
export async function sameValue(a: unknown, b: unknown): Promise<boolean> {
  return JSON.stringify(await encodeValue(a)) === JSON.stringify(await encodeValue(b));
}
