import { downloadBlob } from '../share/downloadBlob';
import type { ConsoleHistory } from './createConsoleBuffer';
import type { ConsoleLine } from './consoleTypes';

/** One line as text: `guest › text`, a trap's stack indented below it. */
export function consoleLineText(line: ConsoleLine): string {
  const head = `${line.guest ? `${line.guest} › ` : ''}${line.text}`;
  return line.stack ? `${head}\n${line.stack.replace(/^/gm, '    ')}` : head;
}

/** Every line the history holds as one text, built in slices (a flood's 100,000 lines are one Blob, not one string). */
export function consoleBlob(history: ConsoleHistory, slice = 10_000): Blob {
  const parts: string[] = [];
  if (history.dropped > 0) parts.push(`(${history.dropped} oldest lines dropped)\n`);
  for (let i = 0; i < history.size; i += slice) parts.push(history.slice(i, i + slice).map(consoleLineText).join('\n') + '\n');
  return new Blob(parts, { type: 'text/plain' });
}

/** Saves the whole console as `console.txt`. */
export function downloadConsole(history: ConsoleHistory): void {
  downloadBlob(consoleBlob(history), 'console.txt');
}
