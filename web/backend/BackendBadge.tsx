import type { BackendState } from './useBackend';
import './backend.css';

/**
 * Header pill naming the live backend and, for NATS, whether the server is connected.
 * Always visible so a presenter (and the room) can tell which bus a demo is on.
 */
export function BackendBadge({ backend }: { backend: BackendState }) {
  const { choice, status } = backend;
  if (choice.kind === 'browser') {
    return (
      <span className="backend-badge backend-browser" data-testid="backend-badge" title="Hosts use IndexedDB and BroadcastChannel in this browser">
        Hosts: browser
      </span>
    );
  }
  const state = status?.state ?? 'connecting';
  const text = state === 'connected' ? 'connected' : state === 'connecting' ? 'connecting…' : state === 'disconnected' ? 'disconnected' : 'unreachable';
  // The address is in the tooltip and the ⚙ menu: the header has no room for a long URL.
  const detail = status && 'detail' in status ? status.detail : `NATS server ${choice.servers}`;
  return (
    <span className={`backend-badge backend-${state}`} data-testid="backend-badge" data-state={state} title={detail} role="status" aria-label={`Hosts run on NATS ${choice.servers}: ${text}`}>
      NATS · {text}
    </span>
  );
}
