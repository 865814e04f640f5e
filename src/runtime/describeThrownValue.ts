/**
 * A JavaScript guest that throws something other than an Error (`throw 'boom'`, `throw 42`,
 * `throw { code: 42 }`) leaves no "Stack:" on stderr: StarlingMonkey prints the value in its
 * source form on one line (`"boom"`, `42`, `({code:42})`, `(void 0)`), then aborts. The
 * engine's own out-of-memory ends the same way, with the string `"out of memory"`: QA found
 * every non-Error throw reported as out of memory because only the abort was looked at.
 */

/** What kind of value the engine printed, with its article ("a string"); the value as a person writes it. */
function kindOf(printed: string): { kind: string; shown: string } {
  if (printed === '(void 0)') return { kind: 'undefined', shown: 'undefined' };
  if (printed === 'null') return { kind: 'null', shown: 'null' };
  if (printed === 'true' || printed === 'false') return { kind: 'a boolean', shown: printed };
  if (/^"/.test(printed)) return { kind: 'a string', shown: printed };
  if (/^-?\d+n$/.test(printed)) return { kind: 'a BigInt', shown: printed };
  if (/^-?(?:\d|\.\d|Infinity$|NaN$)/.test(printed)) return { kind: 'a number', shown: printed };
  if (/^\[/.test(printed)) return { kind: 'an array', shown: printed };
  // Objects print wrapped in parentheses, as uneval writes them: `({code:42})`.
  if (/^\(\{[\s\S]*\}\)$/.test(printed)) return { kind: 'an object', shown: printed.slice(1, -1) };
  if (/^Symbol\(/.test(printed)) return { kind: 'a symbol', shown: printed };
  if (/^\(?(?:async\s+)?(?:function|class)\b/.test(printed)) return { kind: 'a function', shown: printed };
  return { kind: 'a value', shown: printed };
}

/**
 * The exception as Run's console and Check's verdict say it ("uncaught exception: …", which
 * Check reads as "threw"): the value, what it is, and why no line can be marked.
 */
export function describeThrownValue(printed: string): string {
  const { kind, shown } = kindOf(printed.length > 200 ? `${printed.slice(0, 200)}…` : printed);
  const what = kind === 'undefined' || kind === 'null' ? 'not an Error' : `${kind}, not an Error`;
  return `uncaught exception: ${shown} (${what}, so no line is known: throw new Error(…) to get one)`;
}
