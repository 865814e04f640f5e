import { describe, expect, it } from 'vitest';
import { witLanguageConfiguration, witMonarchLanguage } from './witLanguage';

type Rule = [RegExp, string | { cases: Record<string, string> }, string?];

/**
 * A small Monarch interpreter (anchored rules tried in order, `cases`, `@brackets`,
 * `@push`/`@pop`), enough to check what our rules classify without loading Monaco in Node.
 */
function tokenize(line: string, start = 'root'): { tokens: [string, string][]; state: string[] } {
  const lang = witMonarchLanguage as unknown as Record<string, unknown> & { tokenizer: Record<string, Rule[]> };
  const stack = [start];
  const tokens: [string, string][] = [];
  let pos = 0;
  while (pos < line.length) {
    const rules = lang.tokenizer[stack[stack.length - 1]];
    let matched = false;
    for (const [re, action, next] of rules) {
      const sticky = new RegExp(re.source, 'y');
      sticky.lastIndex = pos;
      const m = sticky.exec(line);
      if (!m || m[0].length === 0) continue;
      let token = typeof action === 'string' ? action : '';
      if (typeof action !== 'string') {
        const caseKey = Object.keys(action.cases).find((k) => k !== '@default' && (lang[k.slice(1)] as string[]).includes(m[0]));
        token = action.cases[caseKey ?? '@default'];
      }
      if (token === '@brackets') token = 'bracket';
      if (next === '@push') stack.push(stack[stack.length - 1]);
      else if (next === '@pop') stack.pop();
      else if (next) stack.push(next.slice(1));
      if (token !== 'white') tokens.push([m[0], token]);
      pos += m[0].length;
      matched = true;
      break;
    }
    if (!matched) throw new Error(`no rule matches at ${pos}: ${line.slice(pos)}`);
  }
  return { tokens, state: stack };
}

describe('witMonarchLanguage', () => {
  it('classifies package ids, versions, keywords and types', () => {
    const { tokens } = tokenize('  import wasi:keyvalue/store@0.2.0-draft2;');
    expect(tokens).toEqual([
      ['import', 'keyword'], ['wasi:keyvalue', 'namespace'], ['/', 'delimiter'], ['store', 'identifier'],
      ['@0.2.0-draft2', 'number.version'], [';', 'delimiter'],
    ]);
    expect(tokenize('package wasi:io@0.2.2;').tokens.map((t) => t[1])).toEqual(['keyword', 'namespace', 'number.version', 'delimiter']);
  });

  it('marks function names, types and arrows', () => {
    const { tokens } = tokenize('new: static func(bucket: borrow<bucket>, key: string) -> result<cas, error>;');
    expect(tokens.slice(0, 4)).toEqual([['new', 'entity.name.function'], [':', 'delimiter'], ['static', 'keyword'], ['func', 'keyword']]);
    expect(tokens).toContainEqual(['borrow', 'type']);
    expect(tokens).toContainEqual(['string', 'type']);
    expect(tokens).toContainEqual(['->', 'operator']);
    expect(tokens).toContainEqual(['result', 'type']);
    expect(tokens).toContainEqual(['error', 'identifier']);
  });

  it('handles doc, line, nested block comments, %escapes and gates', () => {
    expect(tokenize('/// docs').tokens).toEqual([['/// docs', 'comment.doc']]);
    expect(tokenize('x // note').tokens[1]).toEqual(['// note', 'comment']);
    expect(tokenize('/* a /* b */ still').state).toEqual(['root', 'blockComment']);
    expect(tokenize('/* a /* b */ c */ world').tokens.at(-1)).toEqual(['world', 'keyword']);
    expect(tokenize('%from(string),').tokens[0]).toEqual(['%from', 'identifier']);
    expect(tokenize('@since(version = 0.2.0)').tokens[0]).toEqual(['@since', 'annotation']);
  });

  it('configures comments and brackets', () => {
    expect(witLanguageConfiguration.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
    expect(witLanguageConfiguration.brackets).toContainEqual(['{', '}']);
  });
});
