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
        Hosts: this browser
      </span>
    );
  }
  const state = status?.state ?? 'connecting';
  const text = state === 'connected' ? 'connected' : state === 'connecting' ? 'connecting…' : state === 'disconnected' ? 'disconnected' : 'unreachable';
  const detail = status && 'detail' in status ? status.detail : choice.servers;
  return (
    <span className={`backend-badge backend-${state}`} data-testid="backend-badge" data-state={state} title={detail} role="status">
      Hosts: NATS <span className="backend-server">{choice.servers.replace(/^wss?:\/\//, '')}</span> · {text}
    </span>
  );
}
