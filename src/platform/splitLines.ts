/**
 * Splits a log message's text into the console lines it shows, dropping the empty tail a
 * trailing newline leaves. One definition for the page (which shows the lines) and the run
 * worker (which joins messages: createLogCoalescer.ts must keep exactly these lines).
 */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
