import { CodePreview } from '../codePreview/CodePreview';
import { sizeText } from '../codePreview/firstLines';

/**
 * Host code too large for the plain editor (a bundled library, say): a `<textarea>` lays
 * out its whole text, which froze the page for seconds at 1.5 MB. It is shown as a
 * growing preview instead, with an explicit way into the editor for whoever wants it.
 */
export function LargeHostSource({ source, editable, onEdit }: { source: string; editable: boolean; onEdit(): void }) {
  return (
    <div className="host-code-large" data-testid="host-code-large">
      <div className="host-code-note">
        This host code is {sizeText(source.length)}: it is shown as a preview so the page stays responsive, and runs as it is.{' '}
        {editable && (
          <button type="button" data-testid="host-code-edit-large" onClick={onEdit}>
            Edit it here anyway (the page may pause while it loads)
          </button>
        )}
      </div>
      <CodePreview source={source} testId="host-code-preview" />
    </div>
  );
}
