// componentize-js 0.23's bindings lower a list of numbers (list<u8>, list<u32>, …) with
//   var lenN = Array.isArray(valN) ? valN.length : valN.byteLength;
// and then copy `new Uint8Array(valN.buffer || valN, valN.byteOffset, lenN * size)`. A string, a
// number or a plain object has no byteLength, so the list goes to the host empty and no error is
// raised: a newcomer's `bucket.set('greeting', 'hello')` stores zero bytes and reads back as an
// empty value much later. The guard makes such a value throw where it was passed, in the words
// the trap explanation (hintWitCall) recognises as an argument that did not convert.

/** The bindings' length line of a list of numbers; `$2` is the value's variable. */
const LIST_LENGTH = /var (len\d+) = Array\.isArray\((val\d+)\) \? \2\.length : \2\.byteLength;/g;
/** The element check of the Array branch that follows the length line, naming the element type. */
const ELEMENT = /_requireValidNumericPrimitive\.bind\(null, '(\w+)'\)/;
/** How far after the length line the element check is looked for (the branch is ~10 lines). */
const LOOKAHEAD = 1200;

const GUARD_NAME = '_wcpListLength';

// Runs inside the JS engine, in the bindings' own realm: plain ES2020, no imports.
const GUARD = `function ${GUARD_NAME}(v, elem) {
  if (Array.isArray(v)) return v.length;
  // Typed arrays, DataViews and buffers alike; no instanceof: the guest's values come from
  // another realm than the bindings' (the engine's content global).
  if (v !== null && typeof v === 'object' && typeof v.byteLength === 'number') return v.byteLength;
  const what = v == null ? String(v) : typeof v === 'object' ? 'an object' : 'a ' + typeof v;
  const hint = typeof v === 'string' && elem === 'u8' ? ' (encode text first: new TextEncoder().encode(text))' : '';
  throw new TypeError('expected a ' + (elem === 'u8' ? 'Uint8Array' : 'typed array') + ' or an array of numbers for a list<' + elem + '>, received ' + what + hint);
}
`;

/**
 * The generated bindings with every list-of-numbers argument checked: a value that is neither
 * an array nor a typed array, DataView or ArrayBuffer throws a TypeError naming the list type
 * instead of being lowered as an empty list. Bindings of another shape are returned unchanged.
 */
export function guardListArguments(bindings: string): string {
  let guarded = 0;
  const out = bindings.replace(LIST_LENGTH, (_line, len: string, val: string, at: number) => {
    guarded++;
    const elem = ELEMENT.exec(bindings.slice(at, at + LOOKAHEAD))?.[1] ?? 'number';
    return `var ${len} = ${GUARD_NAME}(${val}, '${elem}');`;
  });
  return guarded ? GUARD + out : bindings;
}
