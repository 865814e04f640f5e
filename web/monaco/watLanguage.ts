import type * as Monaco from 'monaco-editor';

/**
 * WebAssembly text format for Monaco, which ships none. Only what helps reading guest
 * code: s-expression keywords, instructions (`i32.add`, `local.get`), `$ids`, numbers,
 * strings and both comment forms (`;; line`, `(; block ;)`, which nest).
 */
export const watLanguageId = 'wat';

const keywords = [
  'module', 'func', 'param', 'result', 'local', 'global', 'type', 'import', 'export', 'memory', 'table',
  'data', 'elem', 'start', 'mut', 'offset', 'item', 'declare', 'funcref', 'externref', 'ref', 'null', 'then', 'else', 'end',
];
const controls = ['block', 'loop', 'if', 'br', 'br_if', 'br_table', 'return', 'call', 'call_indirect', 'unreachable', 'nop', 'drop', 'select'];

export const watLanguage: Monaco.languages.IMonarchLanguage = {
  defaultToken: '',
  keywords,
  controls,
  tokenizer: {
    root: [
      [/;;.*$/, 'comment'],
      [/\(;/, 'comment', '@blockComment'],
      [/"/, 'string', '@string'],
      [/\$[\w!#$%&'*+\-./:<=>?@\\^`|~]+/, 'variable'],
      [/(?:i32|i64|f32|f64|v128|memory|local|global|table|ref|i8x16|i16x8|i32x4|i64x2|f32x4|f64x2)\.[a-z0-9_.]+/, 'keyword.instruction'],
      [/\b(?:i32|i64|f32|f64|v128)\b/, 'type'],
      [/[a-z_][\w.]*/, { cases: { '@keywords': 'keyword', '@controls': 'keyword.control', '@default': 'identifier' } }],
      [/[+-]?(?:0x[0-9a-fA-F_]+|\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?|inf|nan)/, 'number'],
      [/[()]/, '@brackets'],
    ],
    blockComment: [
      [/\(;/, 'comment', '@push'],
      [/;\)/, 'comment', '@pop'],
      [/[^(;]+/, 'comment'],
      [/[(;]/, 'comment'],
    ],
    string: [
      [/\\./, 'string.escape'],
      [/"/, 'string', '@pop'],
      [/[^\\"]+/, 'string'],
    ],
  },
};

export const watConfiguration: Monaco.languages.LanguageConfiguration = {
  comments: { lineComment: ';;', blockComment: ['(;', ';)'] },
  brackets: [['(', ')']],
  // A WAT name is one word: `$bucket.get`, `[method]bucket.get-many`, `wasi:keyvalue/store@0.2.0`.
  // Completing an import's name typed as `"get-many` then stays one filtered list; with the
  // default words the `-` ended the word and, in a string, the list closed (watCompletions.ts).
  wordPattern: /(-?\d*\.\d\w*)|([\w$!#%&'*+\-./:<=>?@\\^`|~[\]]+)/g,
  autoClosingPairs: [
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string', 'comment'] },
  ],
};
