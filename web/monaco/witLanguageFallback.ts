import type * as Monaco from 'monaco-editor';

/**
 * Minimal WIT highlighting used until the engine exports its own WIT language
 * (src/wit/witLanguage.ts). Keywords, built-in types, `%`-escaped ids, comments.
 */
export const witLanguageId = 'wit';

export const witLanguage: Monaco.languages.IMonarchLanguage = {
  keywords: [
    'package', 'world', 'interface', 'import', 'export', 'use', 'include', 'with', 'as', 'from', 'func', 'resource',
    'record', 'variant', 'enum', 'flags', 'type', 'static', 'constructor', 'async',
  ],
  typeKeywords: [
    'u8', 'u16', 'u32', 'u64', 's8', 's16', 's32', 's64', 'f32', 'f64', 'bool', 'char', 'string',
    'list', 'option', 'result', 'tuple', 'borrow', 'own', 'stream', 'future',
  ],
  tokenizer: {
    root: [
      [/\/\/.*$/, 'comment'],
      [/\/\*/, 'comment', '@comment'],
      [/@[\w.+-]+/, 'annotation'],
      [/%?[a-z][a-z0-9]*(?:-[a-z0-9]+)*/, { cases: { '@keywords': 'keyword', '@typeKeywords': 'type', '@default': 'identifier' } }],
      [/\d+/, 'number'],
      [/[{}()<>]/, '@brackets'],
      [/->|[:;,=./*_]/, 'delimiter'],
    ],
    comment: [
      [/\*\//, 'comment', '@pop'],
      [/[^*]+/, 'comment'],
      [/\*/, 'comment'],
    ],
  },
};

export const witConfiguration: Monaco.languages.LanguageConfiguration = {
  comments: { lineComment: '//', blockComment: ['/*', '*/'] },
  brackets: [['{', '}'], ['(', ')'], ['<', '>']],
  autoClosingPairs: [{ open: '{', close: '}' }, { open: '(', close: ')' }, { open: '<', close: '>' }],
};
