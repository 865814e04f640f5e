/**
 * Reads one typed argument for an exported function from the text the user entered:
 * integers and floats as numbers (64-bit ones as BigInt-compatible text), bool as
 * true/false, strings as typed, anything else (lists, records, options) as JSON.
 * Returns the value or an error message naming the expected type.
 */
export function parseArgument(text: string, type: string): { value: unknown } | { error: string } {
  const t = type.replace(/\s+/g, '');
  if (t === 'string') return { value: text };
  if (t === 'char') return [...text].length === 1 ? { value: text } : { error: 'one character' };
  if (t === 'bool') return text === 'true' || text === 'false' ? { value: text === 'true' } : { error: 'true or false' };
  const int = /^([us])(8|16|32|64)$/.exec(t);
  if (int) {
    if (!/^-?\d+$/.test(text.trim())) return { error: `a whole number (${t})` };
    const n = BigInt(text.trim());
    const bits = BigInt(int[2]!);
    const [min, max] = int[1] === 'u' ? [0n, (1n << bits) - 1n] : [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n];
    if (n < min || n > max) return { error: `${t} is ${min}…${max}` };
    return { value: bits === 64n ? text.trim() : Number(n) };
  }
  if (t === 'f32' || t === 'f64') return text.trim() !== '' && Number.isFinite(Number(text)) ? { value: Number(text) } : { error: `a number (${t})` };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { error: `JSON for ${type}` };
  }
}
