import type { Diagnostic } from '../src/index';

/** Renders a guest's (already JSON-safe) return value the way the console shows it. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '()';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** "wit:3:5: expected `;`" — where a diagnostic points, for the console. */
export function formatDiagnostic(d: Diagnostic): string {
  return d.file === 'build' ? d.message : `${d.file}:${d.line}:${d.column}: ${d.message}`;
}

/** Short duration for the status bar: "23 ms", "1.4 s". */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

export { splitLines } from '../src/index';
