import type { Example } from '../../src/index';
import { InterfaceMenu } from './InterfaceMenu';
import { INTERFACES, LANDING_EXAMPLE_ID } from './landing';
import './welcome.css';

interface Props {
  examples: readonly Example[];
  /** Example in the editors. */
  current: string;
  onOpen(id: string): void;
  onDismiss(): void;
}

/**
 * "Start here" for a first visit: what the open example is and what to press, and a way
 * into the examples by interface (keyvalue, messaging, blobstore) without knowing the picker.
 */
export function WelcomeStrip({ examples, current, onOpen, onDismiss }: Props) {
  const landing = current === LANDING_EXAMPLE_ID;
  return (
    <section className="welcome" data-testid="welcome" aria-label="Start here">
      <strong className="welcome-badge">Start here</strong>
      {landing ? (
        <span className="welcome-text">
          A JavaScript guest that counts visits in <code>wasi:keyvalue</code>: press <b>Run</b> to build it into a WebAssembly component and run it in this page.
        </span>
      ) : (
        <button type="button" className="small" data-testid="welcome-back" onClick={() => onOpen(LANDING_EXAMPLE_ID)}>
          ← the JavaScript start
        </button>
      )}
      <span className="welcome-by" id="welcome-by">
        Examples by interface:
      </span>
      <span className="welcome-menus" role="group" aria-labelledby="welcome-by">
        {INTERFACES.map((iface) => (
          <InterfaceMenu key={iface.id} iface={iface} examples={examples} current={current} onOpen={onOpen} />
        ))}
      </span>
      <button type="button" className="welcome-close" data-testid="welcome-dismiss" aria-label="Hide start here" title="Hide start here" onClick={onDismiss}>
        ✕
      </button>
    </section>
  );
}
