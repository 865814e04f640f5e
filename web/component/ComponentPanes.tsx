import { cliRunCall, isCliRun } from '../../src/index';
import { ExportArguments } from './ExportArguments';
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

/**
 * Replaces the guest editor while a component is open: what it is, what Run will do (with
 * typed inputs when `run` takes parameters) and which exports nothing here can call.
 */
export function ComponentInfoPane({ component, onClose, onCallArgs }: { component: OpenedComponent; onClose(): void; onCallArgs?(args: unknown[] | undefined): void }) {
  const calls = component.exports.filter((e) => e.iface === '').map((e) => e.name);
  const command = cliRunCall(component.exportedInterfaces);
  const served = component.exportedInterfaces.filter((i) => !isCliRun(i));
  const runFn = component.exports.find((e) => e.iface === '' && e.name === 'run');
  // World-level functions other than run: no host drives them, and Run calls only run.
  const uncallable = component.exports.filter((e) => e.iface === '' && e.name !== 'run');
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
        {runFn && runFn.params.length > 0 && onCallArgs && <ExportArguments fn={runFn} onChange={onCallArgs} />}
        {uncallable.length > 0 && (
          <ul className="component-uncallable" data-testid="component-uncallable">
            {uncallable.map((e) => (
              <li key={e.name}>
                <code>{e.name}</code> can’t be called here: it is a world-level export, and Run calls only <code>run</code> (or a command’s <code>wasi:cli/run</code>); no host drives other functions.
              </li>
            ))}
          </ul>
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
