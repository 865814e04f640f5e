import { blankWitComments, offsetToPos } from './blankWitComments';
import { parseWit } from './parseWit';
import type { ResolvedWitSource, WitDiagnostic } from './resolveWitDeps';

/** A toolchain error placed in the user's text; `via` says how it was placed. */
export interface LocatedWitError extends WitDiagnostic {
  via: 'message' | 'parser' | 'search' | 'fallback';
}

// wasm-tools renders spans as `--> file:LINE:COL`; the browser build usually omits them.
const SPAN = /-->\s*[^\s:]*:(\d+):(\d+)/;
const SYNTACTIC = /\b(expected|unexpected|unterminated|invalid character|unclosed)\b/i;
const QUOTED = /[`']([^`'\s]+)[`']/g;

/**
 * Maps a jco / wasm-tools WIT error (plain text, usually without positions) to a range in the
 * user's text. Order: a span in the message (translated out of appended packages), then our
 * own parser's syntax error for syntax-looking messages, then a search for the names the
 * message quotes, then line 1 as a last resort.
 */
export function locateWitError(message: string, userText: string, resolved?: ResolvedWitSource): LocatedWitError {
  const text = firstLine(message);
  const span = SPAN.exec(message);
  if (span) {
    const line = Number(span[1]);
    const column = Number(span[2]);
    const userLines = resolved?.userLineCount ?? userText.split('\n').length;
    if (line <= userLines) return { line, column, endColumn: wordEnd(userText, line, column), message: text, via: 'message' };
    const pkg = resolved?.ranges.find((r) => line >= r.startLine && line <= r.endLine);
    const hit = pkg && searchPackage(userText, pkg.id);
    if (hit) return { ...hit, message: `in ${pkg.id}: ${text}`, via: 'message' };
  }
  const parsed = parseWit(userText);
  if (SYNTACTIC.test(text) && !parsed.ok) return { ...parsed.error, message: `${text} (${parsed.error.message})`, via: 'parser' };
  const names = [...text.matchAll(QUOTED)].map((m) => m[1]);
  // `interface 'stor' not found in package 'wasi:keyvalue@…'`: look for the full reference first.
  const pkgName = names.find((n) => n.includes(':'));
  const plain = names.filter((n) => !n.includes(':'));
  if (pkgName && plain[0]) {
    const hit = searchPackage(userText, pkgName, plain[0]);
    if (hit) return { ...hit, message: text, via: 'search' };
  }
  const wantLast = /conflicts|duplicate|defined (twice|more than once)|already/i.test(text);
  for (const name of plain) {
    const hit = searchWord(userText, name, wantLast);
    if (hit) return { ...hit, message: text, via: 'search' };
  }
  if (pkgName) {
    const hit = searchPackage(userText, pkgName);
    if (hit) return { ...hit, message: text, via: 'search' };
  }
  if (!parsed.ok) return { ...parsed.error, message: `${text} (${parsed.error.message})`, via: 'parser' };
  return { line: 1, column: 1, endColumn: 2, message: text, via: 'fallback' };
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim() || message.trim();
}

type Range = Omit<WitDiagnostic, 'message'>;

function rangeAt(text: string, offset: number, length: number): Range {
  const pos = offsetToPos(text, offset);
  return { ...pos, endColumn: pos.column + length };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A reference `ns:name/item@ver` to package id `ns:name@ver` (version optional), outside comments. */
function searchPackage(userText: string, id: string, item?: string): Range | undefined {
  const [base, version] = id.split('@');
  const re = new RegExp(
    `${escape(base)}/${item ? `%?${escape(item)}` : '%?[A-Za-z][\\w-]*'}${version ? `@${escape(version)}` : '(?:@[0-9][\\w.+-]*)?'}(?![\\w-])`,
  );
  const m = re.exec(blankWitComments(userText));
  return m ? rangeAt(userText, m.index, m[0].length) : undefined;
}

/** `name` as a whole WIT identifier (not part of a package id), outside comments. */
function searchWord(userText: string, name: string, last: boolean): Range | undefined {
  const re = new RegExp(`(?<![\\w%:/@.-])%?${escape(name)}(?![\\w-])`, 'g');
  const hits = [...blankWitComments(userText).matchAll(re)];
  const m = last ? hits[hits.length - 1] : hits[0];
  return m ? rangeAt(userText, m.index, m[0].length) : undefined;
}

function wordEnd(userText: string, line: number, column: number): number {
  const lineText = userText.split('\n')[line - 1] ?? '';
  const m = /^[\w%:/@.-]+/.exec(lineText.slice(column - 1));
  return column + Math.max(1, m ? m[0].length : 1);
}
