import type { Diagnostic } from '../../protocol/buildProtocol';
import { SOURCE_NAME } from './buildInitEnvironment';

// Engine messages cite the guest as "source.js:L:C" (JS guests) or, after componentizeGuest maps
// them back through the source map, "guest.ts:L:C" (TS guests).
const LOCATION = new RegExp(`(?:${SOURCE_NAME.replace('.', '\\.')}|guest\\.ts):(\\d+):(\\d+)`);

/**
 * Turns a JS/TS build error into a guest diagnostic at the first source position it names
 * (a syntax error or an exception thrown while the module's top level ran), or at 1:1 when
 * it names none (e.g. an export the WIT world expects is missing).
 */
export function locateJsError(message: string): Diagnostic {
  const m = LOCATION.exec(message);
  if (!m) return { file: 'guest', line: 1, column: 1, message };
  return { file: 'guest', line: Number(m[1]), column: Math.max(1, Number(m[2])), message: onePrefix(message, m[0]) };
}

/**
 * The engine prefixes every line of a syntax error with its position ("source.js:10:48 "),
 * code excerpt and caret included; keep it on the first line only so the excerpt lines up.
 */
function onePrefix(message: string, location: string): string {
  const prefix = `${location} `;
  let seen = false;
  return message
    .split('\n')
    .map((line) => {
      if (!line.startsWith(prefix)) return line;
      if (!seen) return (seen = true), line;
      return line.slice(prefix.length);
    })
    .join('\n');
}
