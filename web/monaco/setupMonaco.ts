import * as monaco from 'monaco-editor';
import { loader } from '@monaco-editor/react';
// monaco-editor 0.57's exports map ("./*" → "./esm/vs/*.js") means the documented
// 'monaco-editor/esm/vs/editor/editor.worker' path no longer resolves; these are the same files.
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import { TabFocus } from 'monaco-editor/editor/browser/config/tabFocus';
import { setTabFocusMode } from '../keyboard/tabFocusMode';
import { watConfiguration, watLanguage, watLanguageId } from './watLanguage';
import { registerWitCompletions } from './witCompletions';
import { registerWatCompletions } from './watCompletions';
import { WIT_LANGUAGE_ID, witLanguageConfiguration, witMonarchLanguage } from '../../src/index';

/**
 * One-time Monaco setup. Imported only by the lazily loaded editor chunk, so the first
 * paint never waits for Monaco. The bundled copy is used (loader.config) — @monaco-editor/react
 * would otherwise fetch Monaco from a CDN, which breaks offline use and CSP.
 */
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    // JS/TS guests get real language services; everything else needs only the base worker.
    if (label === 'typescript' || label === 'javascript') return new TsWorker();
    return new EditorWorker();
  },
};

loader.config({ monaco });

monaco.languages.register({ id: watLanguageId, extensions: ['.wat'], aliases: ['WAT', 'wat'] });
monaco.languages.setMonarchTokensProvider(watLanguageId, watLanguage);
monaco.languages.setLanguageConfiguration(watLanguageId, watConfiguration);
registerWatCompletions(monaco, watLanguageId);

// WIT highlighting comes from the engine (src/wit/witLanguage.ts), shared with its tests.
monaco.languages.register({ id: WIT_LANGUAGE_ID, extensions: ['.wit'], aliases: ['WIT', 'wit'] });
monaco.languages.setMonarchTokensProvider(WIT_LANGUAGE_ID, witMonarchLanguage);
monaco.languages.setLanguageConfiguration(WIT_LANGUAGE_ID, witLanguageConfiguration);
registerWitCompletions(monaco, WIT_LANGUAGE_ID);

// JS/TS guests import WIT interfaces ('wasi:keyvalue/store@0.2.0-draft2'): those of the guest's
// world are declared from its WIT (useGuestTypes.ts); "Cannot find module" (2307/2792) stays
// hidden for the rest (and until the declarations arrive), since the build names them better.
// JavaScript is checked only where its author asks (`// @ts-check`), and then not strictly: the
// point is the WIT imports' types (text given for a list<u8>), not implicit `any` in every
// parameter (src/toolchain/guestTypesFitExamples.test.ts holds both settings to this).
for (const [defaults, strict] of [[monaco.typescript.typescriptDefaults, true], [monaco.typescript.javascriptDefaults, false]] as const) {
  defaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false, diagnosticCodesToIgnore: [2307, 2792] });
  defaults.setCompilerOptions({ target: monaco.typescript.ScriptTarget.ESNext, module: monaco.typescript.ModuleKind.ESNext, allowNonTsExtensions: true, allowJs: true, strict });
}

export const themeName = 'wcp-dark';

monaco.editor.defineTheme(themeName, {
  base: 'vs-dark',
  inherit: true,
  rules: [
    { token: 'keyword.instruction', foreground: '4fc1ff' },
    { token: 'keyword.control', foreground: 'c586c0' },
    { token: 'variable', foreground: '9cdcfe' },
    { token: 'type', foreground: '4ec9b0' },
    { token: 'annotation', foreground: 'dcdcaa' },
    { token: 'comment.doc', foreground: '7fa36a', fontStyle: 'italic' },
    { token: 'namespace', foreground: 'c8a2ff' },
    { token: 'number.version', foreground: 'b5cea8' },
    { token: 'entity.name.function', foreground: 'dcdcaa' },
    { token: 'operator', foreground: 'd4d4d4' },
  ],
  colors: { 'editor.background': '#15171c', 'editorGutter.background': '#15171c' },
});

export { monaco };

// The page's key hint follows Monaco's tab focus mode (web/keyboard/tabFocusMode.ts).
TabFocus.onDidChangeTabFocus(setTabFocusMode);
setTabFocusMode(TabFocus.getTabFocusMode());
