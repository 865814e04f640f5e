import { distinctProblems, type Diagnostic } from '../src/index';

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

/**
 * The console's lines for guests that did not build, each mistake once: a WAT export named
 * "Run" is marked on the export and on the WIT function (companion), and the console listed
 * both, near-identical, where Check's verdict said it once. Their number is the status's count.
 */
export function buildErrorLines(failed: Readonly<Record<string, readonly Diagnostic[]>>): { guest: string; text: string }[] {
  return Object.entries(failed).flatMap(([guest, diags]) => distinctProblems(diags).map((d) => ({ guest, text: formatDiagnostic(d) })));
}

/**
 * "payments and order-service could not start": every guest of the run whose hosts failed
 * before it was instantiated. The status named the last one alone, so a phone that joined a
 * server that was away read "order-service could not start" and believed the rest ran.
 */
export function notStartedStatus(guests: readonly string[]): string {
  const names = guests.length <= 3 ? guests : [...guests.slice(0, 2), `${guests.length - 2} more`];
  const list = names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${list} could not start`;
}

/** Short duration for the status bar: "23 ms", "1.4 s". */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

export { splitLines } from '../src/index';
