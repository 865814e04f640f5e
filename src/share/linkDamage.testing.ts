/**
 * Damages links the way the world does (one character swapped by a chat app, a few mangled
 * in a row) for the tests that check a damaged link is never opened as something else.
 * Test-only (Node); never imported by the app.
 */

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** What a replaced character may become: any base64url character, or one a mangler inserts. */
const REPLACEMENTS = `${BASE64URL}.~% `;

/** Every copy of `link` with one character, at index `from` or later, replaced by another. */
export function* singleSubstitutions(link: string, from = 0): Generator<string> {
  for (let at = from; at < link.length; at++) {
    for (const c of REPLACEMENTS) if (c !== link[at]) yield link.slice(0, at) + c + link.slice(at + 1);
  }
}

/**
 * The damaged copies of `link` (every single-character substitution from index `from` on)
 * that `decode` accepts yet reads as something other than `link` itself: silent damage.
 * A copy `decode` throws on was detected; one that decodes identically did no harm.
 */
export function silentlyChanged(link: string, decode: (text: string) => unknown, from = 0): string[] {
  const expected = JSON.stringify(decode(link));
  const silent: string[] = [];
  for (const damaged of singleSubstitutions(link, from)) {
    let got: string;
    try {
      got = JSON.stringify(decode(damaged));
    } catch {
      continue;
    }
    if (got !== expected) silent.push(damaged);
  }
  return silent;
}

/**
 * The first copy of base64url `data` with four characters in a row replaced (from the middle
 * outwards, each shifted through the alphabet) that `accept` takes: how QA turned
 * `;; MY STORED EDIT` into `;; MY S4jvID EDIT`. Undefined when no such copy exists.
 */
export function fourCharCorruption(data: string, accept: (damaged: string) => boolean): string | undefined {
  const mid = data.length >> 1;
  for (let d = 0; d < data.length; d++) {
    const at = d % 2 ? mid - ((d + 1) >> 1) : mid + (d >> 1);
    if (at < 0 || at + 4 > data.length) continue;
    for (let shift = 1; shift < BASE64URL.length; shift++) {
      const swapped = [...data.slice(at, at + 4)].map((c) => BASE64URL[(BASE64URL.indexOf(c) + shift) % BASE64URL.length]).join('');
      const damaged = data.slice(0, at) + swapped + data.slice(at + 4);
      if (accept(damaged)) return damaged;
    }
  }
  return undefined;
}

/**
 * The message of the error `open` must throw for `link` (of class `kind`); fails the test when
 * the link opens without a word instead.
 */
export function refusalOf(open: (link: string) => unknown, kind: new (...args: never[]) => Error, link: string): string {
  try {
    open(link);
  } catch (e) {
    if (!(e instanceof kind)) throw new Error(`refused with ${String(e)}, not a ${kind.name}: ${link}`);
    return e.message;
  }
  throw new Error(`opened without a word: ${link}`);
}
