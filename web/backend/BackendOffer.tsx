import { hasCredentials } from './backendChoice';
import type { BackendState } from './useBackend';
import './backend.css';

/**
 * Shown when a share link names a NATS server: nothing connects until the visitor agrees,
 * and the bar says which server it is. Credentials the visitor typed for another server
 * stay with that server (backendChoice.ts `toBackendConfig`).
 */
export function BackendOffer({ backend }: { backend: BackendState }) {
  const servers = backend.offer;
  if (servers === undefined) return null;
  return (
    <div className={`backend-offer${backend.ranBeforeAnswer ? ' backend-offer-nudge' : ''}`} role="alertdialog" aria-label="Connect to a NATS server?" data-testid="backend-offer">
      <span>
        {/* Someone in the room who pressed Run first ran alone and could believe they had joined. */}
        {backend.ranBeforeAnswer && (
          <strong className="backend-offer-ran" data-testid="backend-offer-ran">
            That run used this browser's hosts, not the room's server.{' '}
          </strong>
        )}
        This link runs its hosts on the NATS server <code>{servers}</code>. Connect to it? Messages, key-value data and blobs will then be shared with everyone on that server.
        {hasCredentials(backend.credentials) && backend.credentials.server !== servers && ' Your saved credentials are not sent to it.'}
      </span>
      <button type="button" className="primary" data-testid="backend-offer-accept" onClick={() => backend.answerOffer(true)}>
        Connect
      </button>
      <button type="button" data-testid="backend-offer-decline" onClick={() => backend.answerOffer(false)}>
        Stay in this browser
      </button>
    </div>
  );
}
