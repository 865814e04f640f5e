import { cliRunCall, isCliRun } from '../../src/index';
import type { OpenedComponent } from './useOpenedComponent';
import '../styles/component.css';

/** The opened component's own WIT, read-only: it describes the binary and cannot be edited. */
export function ComponentWitPane({ component }: { component: OpenedComponent }) {
  return (
    <section className="pane component-pane" data-testid="component-wit" aria-label={`WIT of ${component.fileName}`}>
      <header className="pane-header">
        <span className="pane-title">WIT</span>
        <span className="badge">read-only</span>
      </header>
      <pre className="component-wit">{component.wit || '(no WIT: the file could not be read as a component)'}</pre>
    </section>
  );
}

/** Replaces the guest editor while a component is open: what it is and what Run will do. */
export function ComponentInfoPane({ component, onClose }: { component: OpenedComponent; onClose(): void }) {
  const calls = component.exports.filter((e) => e.iface === '').map((e) => e.name);
  const command = cliRunCall(component.exportedInterfaces);
  const served = component.exportedInterfaces.filter((i) => !isCliRun(i));
  return (
    <section className="pane component-pane" data-testid="component-info" aria-label={`Component ${component.fileName}`}>
      <header className="pane-header">
        <span className="pane-title">Component</span>
        <span className="badge">WASM</span>
        <button type="button" className="component-button" data-testid="close-component" onClick={onClose}>
          Back to the editor
        </button>
      </header>
      <div className="component-info">
        <p>
          <strong>{component.fileName}</strong> · {(component.bytes.length / 1024).toFixed(1)} KB
        </p>
        {component.errors.length > 0 ? (
          <ul className="component-errors" data-testid="component-errors">
            {component.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        ) : (
          <p>
            Run {calls.includes('run') ? <>calls <code>run()</code></> : command ? <>calls <code>{command.replace('#', ' → ')}()</code> with the command line, environment and stdin set in the Hosts tab, and shows its exit code</> : 'instantiates it'}
            {served.length > 0 && <> and serves {served.join(', ')}</>}.
          </p>
        )}
        {component.importedInterfaces.length > 0 && (
          <details>
            <summary>Imports ({component.importedInterfaces.length})</summary>
            <ul>
              {component.importedInterfaces.map((i) => (
                <li key={i}>
                  <code>{i}</code>
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </section>
  );
}
