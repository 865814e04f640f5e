import { useTabFocusMode } from './tabFocusMode';
import './keyboard.css';

/**
 * "Tab indents · Ctrl+M, then Tab leaves": Monaco traps Tab for indentation, and its toggle
 * (Ctrl+M; Ctrl+Shift+M on macOS) is invisible unless someone says so. Once toggled, in every
 * editor: "Tab leaves · Ctrl+M: Tab indents". Brighter while the editor has focus, when it
 * matters.
 */
export function EditorKeyHint({ id }: { id: string }) {
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
  const toggle = mac ? 'Ctrl+Shift+M' : 'Ctrl+M';
  const leaves = useTabFocusMode();
  if (leaves) {
    return (
      <span className="editor-key-hint" id={id} data-testid="editor-key-hint" data-tab="leaves" title={`Tab moves focus out of the editors. Press ${toggle} to indent with Tab again.`}>
        Tab leaves · <kbd>{toggle}</kbd>: Tab indents
      </span>
    );
  }
  return (
    <span className="editor-key-hint" id={id} data-testid="editor-key-hint" data-tab="indents" title={`Tab indents in the editor. Press ${toggle} to make Tab move focus out of the editor (press it again to indent with Tab).`}>
      Tab indents · <kbd>{toggle}</kbd> then Tab leaves
    </span>
  );
}
