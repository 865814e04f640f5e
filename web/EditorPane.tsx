import { lazy, Suspense } from 'react';
import type { Diagnostic } from '../src/index';
import { EditorErrorBoundary } from './EditorErrorBoundary';
import { EditorKeyHint } from './keyboard/EditorKeyHint';
import { PlainEditor, type CodeEditorProps } from './PlainEditor';

const MonacoEditor = lazy(() => import('./MonacoEditor'));

const LANGUAGE: Record<string, { id: string; badge: string; ext: string }> = {
  wit: { id: 'wit', badge: 'WIT', ext: 'wit' },
  wat: { id: 'wat', badge: 'WAT', ext: 'wat' },
  js: { id: 'javascript', badge: 'JS', ext: 'js' },
  ts: { id: 'typescript', badge: 'TS', ext: 'ts' },
};

interface Props {
  /** "wit" for the WIT pane, else the guest language. */
  lang: 'wit' | 'wat' | 'js' | 'ts';
  title: string;
  /** Guest name; part of the model path so each guest keeps its own undo stack. */
  guest: string;
  value: string;
  onChange(value: string): void;
  diagnostics: Diagnostic[];
  fontSize: number;
  plain: boolean;
  testId: string;
  /** A lesson's fixed helper guest: shown, not editable (see CodeEditorProps.readOnly). */
  readOnly?: boolean;
  /** A guest's WIT: the editors learn from it what the guest can import (and a WAT guest, export). */
  wit?: string;
}

/** One editor pane: title bar with language badge, then Monaco (or the plain fallback). */
export function EditorPane({ lang, title, guest, value, onChange, diagnostics, fontSize, plain, testId, readOnly, wit }: Props) {
  const language = LANGUAGE[lang] ?? LANGUAGE.wat;
  const props: CodeEditorProps = {
    value,
    onChange,
    language: language.id,
    path: `${guest}/${lang === 'wit' ? 'world' : 'guest'}.${language.ext}`,
    diagnostics,
    fontSize,
    label: `${title} editor (${guest})${readOnly ? ', read-only' : ''}`,
    readOnly,
    witTypes: lang === 'js' || lang === 'ts' || lang === 'wat' ? wit : undefined,
  };
  const plainEditor = <PlainEditor {...props} />;
  const errors = diagnostics.length;
  return (
    <section className="pane editor-pane" data-testid={testId} aria-label={props.label}>
      <header className="pane-header">
        <span className="pane-title">{title}</span>
        <span className={`badge badge-${lang}`}>{language.badge}</span>
        {readOnly && <span className="read-only-tag" data-testid={`${testId}-read-only`} title="Check runs this guest as the lesson wrote it">part of the lesson · read-only</span>}
        {errors > 0 && <span className="error-count">{errors} error{errors === 1 ? '' : 's'}</span>}
        {!plain && <EditorKeyHint id={`${testId}-keys`} />}
      </header>
      <div className="editor-body">
        {plain ? (
          plainEditor
        ) : (
          <EditorErrorBoundary fallback={plainEditor}>
            <Suspense fallback={plainEditor}>
              <MonacoEditor {...props} />
            </Suspense>
          </EditorErrorBoundary>
        )}
      </div>
    </section>
  );
}
