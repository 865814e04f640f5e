import type { Diagnostic } from '../src/index';
import { formatDiagnostic } from './runFormat';

/** Props shared by the plain and Monaco editors. */
export interface CodeEditorProps {
  value: string;
  onChange(value: string): void;
  /** Monaco language id: "wit", "wat", "javascript", "typescript". */
  language: string;
  /** Unique per file (e.g. "guest-1/guest.wat"), keeps undo history per model. */
  path: string;
  diagnostics: Diagnostic[];
  fontSize: number;
  label: string;
  /**
   * Shown but not editable: a lesson's fixed helper guest, which Check always runs as the
   * lesson wrote it (typing into it used to be accepted and then silently ignored).
   */
  readOnly?: boolean;
  /**
   * A guest's WIT: Monaco declares what its world imports to a JS/TS guest (completions, hovers,
   * TypeScript's checks) and completes a WAT guest's imports and exports with their core signatures.
   */
  witTypes?: string;
}

/**
 * `<textarea>` editor: shown while Monaco loads, when it fails to load, and when the
 * user picks "Plain editor". Diagnostics are listed underneath since there are no markers.
 */
export function PlainEditor({ value, onChange, diagnostics, fontSize, label, readOnly }: CodeEditorProps) {
  return (
    <div className="plain-editor">
      <textarea
        aria-label={label}
        spellCheck={false}
        readOnly={readOnly}
        value={value}
        style={{ fontSize }}
        onChange={(e) => onChange(e.target.value)}
      />
      {diagnostics.length > 0 && (
        <ul className="diagnostics">
          {diagnostics.map((d, i) => (
            <li key={i} data-testid="diagnostic">
              {formatDiagnostic(d)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
