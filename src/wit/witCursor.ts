import { tokenizeWit, WitSyntaxFailure, type WitToken } from './tokenizeWit';
import type { WitPos } from './witModel';

/** WIT keywords; a plain identifier may not use one unless written `%name`. */
export const WIT_KEYWORDS = new Set([
  'as', 'async', 'bool', 'borrow', 'char', 'constructor', 'enum', 'export', 'f32', 'f64', 'flags',
  'from', 'func', 'future', 'import', 'include', 'interface', 'list', 'option', 'own', 'package',
  'record', 'resource', 'result', 's8', 's16', 's32', 's64', 'static', 'stream', 'string', 'tuple',
  'type', 'u8', 'u16', 'u32', 'u64', 'use', 'variant', 'with', 'world', 'error-context',
]);

/** A token cursor with the expect/accept helpers the recursive-descent parser needs. */
export class WitCursor {
  private readonly tokens: WitToken[];
  private index = 0;

  constructor(src: string) {
    this.tokens = tokenizeWit(src);
  }

  peek(ahead = 0): WitToken {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)];
  }

  next(): WitToken {
    const t = this.peek();
    if (t.kind !== 'eof') this.index++;
    return t;
  }

  /** Text of the token just consumed. */
  previousText(): string {
    return this.tokens[Math.max(0, this.index - 1)].text;
  }

  /** Skips feature-gate attributes such as `@since(version = 0.2.0)`; we ignore gating. */
  skipAttributes(): void {
    while (this.at('@') && this.peek(1).kind === 'id') {
      this.next();
      this.next();
      this.expect('(');
      for (let depth = 1; depth > 0; ) {
        const t = this.next();
        if (t.kind === 'eof') this.fail("unclosed attribute, expected ')'", t);
        if (t.text === '(') depth++;
        else if (t.text === ')') depth--;
      }
    }
  }

  pos(): WitPos {
    const t = this.peek();
    return { line: t.line, column: t.column };
  }

  /** True when the next token is the (unescaped) keyword or punctuation `text`. */
  at(text: string): boolean {
    const t = this.peek();
    return t.text === text && !t.escaped && t.kind !== 'num';
  }

  accept(text: string): boolean {
    if (!this.at(text)) return false;
    this.next();
    return true;
  }

  expect(text: string): WitToken {
    if (!this.at(text)) {
      const message = `expected '${text}', found ${describe(this.peek())}`;
      const prev = this.tokens[this.index - 1];
      // A missing `;` belongs at the end of the previous line, not on the next statement.
      if (text === ';' && prev && prev.line < this.peek().line) {
        const column = prev.column + prev.text.length + (prev.escaped ? 1 : 0);
        throw new WitSyntaxFailure({ line: prev.line, column, endColumn: column + 1, message });
      }
      this.fail(message);
    }
    return this.next();
  }

  /** A non-keyword identifier (keywords are allowed when escaped with `%`). */
  ident(what = 'an identifier'): WitToken {
    const t = this.peek();
    if (t.kind !== 'id' || (!t.escaped && WIT_KEYWORDS.has(t.text))) {
      this.fail(`expected ${what}, found ${describe(t)}`);
    }
    return this.next();
  }

  /** A version after `@`: `0.2.0-draft2`. Must look like semver. */
  version(): string {
    const t = this.peek();
    if (t.kind !== 'num' || !/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(t.text)) {
      this.fail(`expected a semver version like 0.2.0 after '@', found ${describe(t)}`);
    }
    return this.next().text;
  }

  /** Throws a positioned syntax error at the current token (caught by `parseWit`). */
  fail(message: string, token: WitToken = this.peek()): never {
    const width = Math.max(1, token.text.length + (token.escaped ? 1 : 0));
    throw new WitSyntaxFailure({ line: token.line, column: token.column, endColumn: token.column + width, message });
  }
}

function describe(t: WitToken): string {
  if (t.kind === 'eof') return 'end of input';
  if (t.kind === 'id' && !t.escaped && WIT_KEYWORDS.has(t.text)) return `keyword '${t.text}'`;
  if (t.kind === 'id') return `identifier '${t.text}'`;
  return `'${t.text}'`;
}
