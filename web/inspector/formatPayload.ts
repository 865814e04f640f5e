/** Payload renderings for the Inspector: text, pretty JSON and hex dump rows. */

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8', { fatal: false });

/** The payload as UTF-8 text; `valid` is false when bytes had to be replaced (binary data). */
export function payloadText(data: Uint8Array): { text: string; valid: boolean } {
  try {
    return { text: utf8.decode(data), valid: true };
  } catch {
    return { text: lenient.decode(data), valid: false };
  }
}

/** Indented JSON when the payload is UTF-8 JSON, otherwise undefined. */
export function prettyJson(data: Uint8Array): string | undefined {
  const { text, valid } = payloadText(data);
  if (!valid || text.trim() === '') return undefined;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return undefined;
  }
}

/** Bytes per hex dump row (the classic `xxd` layout). */
export const HEX_BYTES_PER_ROW = 16;

/** One hex dump row: `offset | hex | ascii`, printable ASCII only (others as "."). */
export function hexRow(data: Uint8Array, row: number): { offset: string; hex: string; ascii: string } {
  const start = row * HEX_BYTES_PER_ROW;
  const bytes = data.subarray(start, start + HEX_BYTES_PER_ROW);
  let hex = '';
  let ascii = '';
  for (let i = 0; i < HEX_BYTES_PER_ROW; i++) {
    if (i === 8) hex += ' ';
    if (i < bytes.length) {
      hex += bytes[i].toString(16).padStart(2, '0') + ' ';
      ascii += bytes[i] >= 0x20 && bytes[i] < 0x7f ? String.fromCharCode(bytes[i]) : '.';
    } else hex += '   ';
  }
  return { offset: start.toString(16).padStart(8, '0'), hex: hex.trimEnd(), ascii };
}

export const hexRowCount = (data: Uint8Array) => Math.ceil(data.length / HEX_BYTES_PER_ROW);

/** Pretty JSON for a rendered (JSON-safe) value such as call args. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '—';
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/** "1.2 KB" style size for the payload header. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(2)} MB`;
}
