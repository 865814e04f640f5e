import type { languages } from 'monaco-editor';
import { WIT_KEYWORDS } from './witCursor';

/** The Monaco language id to register. */
export const WIT_LANGUAGE_ID = 'wit';

const TYPE_WORDS = [
  'bool', 'char', 'string', 'u8', 'u16', 'u32', 'u64', 's8', 's16', 's32', 's64', 'f32', 'f64',
  'list', 'option', 'result', 'tuple', 'borrow', 'own', 'future', 'stream', 'error-context',
];

/**
 * Monarch tokenizer for WIT: keywords, built-in types, `///` doc comments, nested block
 * comments, `ns:pkg/item@version` references (package id and version get their own tokens),
 * `%escaped` identifiers, `@since(...)` gates and `->`.
 */
export const witMonarchLanguage: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.wit',
  keywords: [...WIT_KEYWORDS].filter((k) => !TYPE_WORDS.includes(k)),
  typeKeywords: TYPE_WORDS,
  brackets: [
    { open: '{', close: '}', token: 'delimiter.curly' },
    { open: '(', close: ')', token: 'delimiter.parenthesis' },
    { open: '<', close: '>', token: 'delimiter.angle' },
  ],
  tokenizer: {
    root: [
      [/\/\/\/.*$/, 'comment.doc'],
      [/\/\/.*$/, 'comment'],
      [/\/\*/, 'comment', '@blockComment'],
      // `wasi:keyvalue/store@0.2.0-draft2` and `package wasi:keyvalue@0.2.0-draft2`
      [/[a-zA-Z][\w-]*:[a-zA-Z][\w-]*(?=[/@;\s{])/, 'namespace'],
      [/@\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]*[0-9A-Za-z])?(?:\+[0-9A-Za-z.-]+)?/, 'number.version'],
      [/@[a-z]+(?=\()/, 'annotation'],
      [/%[a-zA-Z][\w-]*/, 'identifier'],
      [/[a-zA-Z][\w-]*(?=\s*:\s*(?:static\s+)?(?:async\s+)?func\b)/, 'entity.name.function'],
      [/[a-zA-Z][\w-]*/, { cases: { '@typeKeywords': 'type', '@keywords': 'keyword', '@default': 'identifier' } }],
      [/\d+(?:\.\d+)*/, 'number'],
      [/->/, 'operator'],
      [/[{}()<>]/, '@brackets'],
      [/[;,.:=/_*]/, 'delimiter'],
      [/\s+/, 'white'],
    ],
    blockComment: [
      [/[^/*]+/, 'comment'],
      [/\/\*/, 'comment', '@push'],
      [/\*\//, 'comment', '@pop'],
      [/[/*]/, 'comment'],
    ],
  },
};

/** Brackets, comment toggling, auto-closing and indentation for WIT. */
export const witLanguageConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: '//', blockComment: ['/*', '*/'] },
  brackets: [['{', '}'], ['(', ')'], ['<', '>']],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '(', close: ')' },
    { open: '<', close: '>' },
    { open: '/*', close: ' */', notIn: ['comment'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '(', close: ')' },
    { open: '<', close: '>' },
  ],
  wordPattern: /%?[a-zA-Z][\w-]*/,
  indentationRules: {
    increaseIndentPattern: /^.*\{[^}"']*$/,
    decreaseIndentPattern: /^\s*\}/,
  },
  folding: { markers: { start: /\{\s*$/, end: /^\s*\}/ } },
};
