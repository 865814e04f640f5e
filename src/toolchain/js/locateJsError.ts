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
  return { file: 'guest', line: Number(m[1]), column: Math.max(1, Number(m[2])), message };
}
