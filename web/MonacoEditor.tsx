import Editor from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import type { Diagnostic } from '../src/index';
import { monaco, themeName } from './monaco/setupMonaco';
import type { CodeEditorProps } from './PlainEditor';
import { useGuestTypes } from './monaco/useGuestTypes';
import { PHONE_QUERY } from './layout/revealOutputOnPhone';
import { useMediaQuery } from './layout/useMediaQuery';
import { PHONE_ON_SIDE_QUERY } from './layout/useStageFocus';

/**
 * A phone, upright or on its side: a 390 px editor showed ~35 characters of a line and the
 * rest sat off the right edge, reached only by panning sideways (a drag that also moved the
 * caret). There long lines wrap, under their own indentation, and the gutter is narrower.
 */
const PHONE_EDITOR_QUERY = `${PHONE_QUERY}, ${PHONE_ON_SIDE_QUERY}`;

type Model = monaco.editor.ITextModel;

function toMarkers(model: Model, diagnostics: Diagnostic[]): monaco.editor.IMarkerData[] {
  return diagnostics.map((d) => {
    const line = Math.min(Math.max(1, d.line), model.getLineCount());
    const endLine = d.endLine ? Math.min(Math.max(line, d.endLine), model.getLineCount()) : line;
    // Without an end column, underline to the end of the word (or line) so the marker is visible.
    const word = model.getWordAtPosition({ lineNumber: line, column: Math.max(1, d.column) });
    const endColumn = d.endColumn ?? (word ? word.endColumn : model.getLineMaxColumn(line));
    return {
      severity: monaco.MarkerSeverity.Error,
      message: d.message,
      startLineNumber: line,
      startColumn: Math.max(1, d.column),
      endLineNumber: endLine,
      endColumn: Math.max(endColumn, d.column + 1),
    };
  });
}

/** What Monaco says when someone types into a read-only editor (a lesson's fixed helper guest). */
const READ_ONLY_MESSAGE = "This guest is part of the lesson: Check always runs it as the lesson wrote it, so it cannot be edited here. Your code is in the other guest tabs.";

/**
 * Monaco-backed editor (the lazily loaded chunk). Each file gets its own model via
 * `path`, so switching guest tabs keeps undo history and scroll position.
 */
export default function MonacoEditor({ value, onChange, language, path, diagnostics, fontSize, label, readOnly, witTypes }: CodeEditorProps) {
  useGuestTypes(witTypes, language === 'wat' ? 'wat' : 'js');
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const modelRef = useRef<Model | null>(null);
  const phone = useMediaQuery(PHONE_EDITOR_QUERY);

  useEffect(() => {
    const model = editorRef.current?.getModel() ?? modelRef.current;
    if (model) monaco.editor.setModelMarkers(model, 'wcp-build', toMarkers(model, diagnostics));
  }, [diagnostics, path]);

  return (
    <Editor
      value={value}
      language={language}
      path={path}
      theme={themeName}
      onChange={(v) => onChange(v ?? '')}
      onMount={(editor) => {
        editorRef.current = editor;
        modelRef.current = editor.getModel();
        editor.getDomNode()?.setAttribute('aria-label', label);
        const model = editor.getModel();
        if (model) monaco.editor.setModelMarkers(model, 'wcp-build', toMarkers(model, diagnostics));
        // A phone's on-screen keyboard takes half the screen as it opens (the editor shrinks
        // under the caret): keep the line being typed in view.
        editor.onDidLayoutChange(() => {
          const at = editor.getPosition();
          if (at && editor.hasTextFocus()) editor.revealPositionInCenterIfOutsideViewport(at);
        });
      }}
      loading={null}
      options={{
        fontSize,
        readOnly: readOnly === true,
        // Said where the typing went, instead of Monaco's generic "Cannot edit in read-only editor".
        readOnlyMessage: { value: READ_ONLY_MESSAGE },
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        automaticLayout: true,
        tabSize: 2,
        wordWrap: phone ? 'on' : 'off',
        wrappingIndent: 'indent',
        lineNumbersMinChars: phone ? 3 : 5,
        lineDecorationsWidth: phone ? 6 : 10,
        folding: !phone,
        renderWhitespace: 'selection',
        fixedOverflowWidgets: true,
        ariaLabel: label,
        // Monaco 0.57 types through Chromium's EditContext API by default (a focused
        // div.native-edit-context). In this Chromium that path loses every character typed
        // right after an auto-closed bracket ("(i64.store" arrived as "()"), which live coding
        // cannot afford; the hidden-textarea path is Monaco's long-standing one and types
        // exactly. Single-key shortcuts recognise both (web/keyboard/isTypingTarget.ts).
        editContext: false,
      }}
    />
  );
}
