import type { Diagnostic } from '../../protocol/buildProtocol';
import { locateWitBuildError } from '../analyzeWit';
import { SOURCE_NAME } from './buildInitEnvironment';
import { explainMissingJsImport, explainUnknownJsModule } from './explainMissingJsImport';

/**
 * How a JS build's error begins when the splicer rejected the WIT (a type or name error our own
 * parser does not check): the mistake is in the WIT, not in the guest.
 */
export const WIT_BINDINGS_FAILED = 'WIT bindings for the JS engine could not be generated: ';

// Engine messages cite the guest as "source.js:L:C" (JS guests) or, after componentizeGuest maps
// them back through the source map, "guest.ts:L:C" (TS guests).
const LOCATION = new RegExp(`(?:${SOURCE_NAME.replace('.', '\\.')}|guest\\.ts):(\\d+):(\\d+)`);

/**
 * Turns a JS/TS build error into a guest diagnostic at the first source position it names
 * (a syntax error or an exception thrown while the module's top level ran), or at 1:1 when
 * it names none (e.g. an export the WIT world expects is missing). An error in the WIT
 * (`userWit`, the user's own text) is placed there instead, as WAT builds place it. An import
 * the world's interface lacks is named with its interface (`guestSource`, and `worldSource`:
 * the resolved WIT with the shipped packages).
 */
export function locateJsError(message: string, userWit: string, guestSource = '', worldSource = userWit): Diagnostic {
  // The splicer's wit-parser wording is wasm-tools' (the WAT path's componentEmbed): same locator.
  if (message.startsWith(WIT_BINDINGS_FAILED)) return locateWitBuildError(userWit, message.slice(WIT_BINDINGS_FAILED.length));
  const missingImport = explainMissingJsImport(message, guestSource, worldSource);
  if (missingImport) return missingImport;
  const unknownModule = explainUnknownJsModule(message, guestSource, worldSource);
  if (unknownModule) return unknownModule;
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
