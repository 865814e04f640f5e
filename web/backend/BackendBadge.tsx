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
  // A server without JetStream carries messages but none of what is kept: say so before a demo
  // of key-value or blobs fails in front of the room.
  const noJetStream = status?.state === 'connected' && !status.jetstream;
  const text = state === 'connected' ? (noJetStream ? 'connected · no JetStream' : 'connected') : state === 'connecting' ? 'connecting…' : state === 'disconnected' ? 'disconnected' : 'unreachable';
  // The address is in the tooltip and the ⚙ menu: the header has no room for a long URL.
  const detail = status && 'detail' in status ? status.detail : noJetStream ? `NATS server ${choice.servers} runs without JetStream: messages work, but key-value, blobs, acknowledgements and offsets need it (\`jetstream {}\` in its config; \`npm run nats\` starts one with it)` : `NATS server ${choice.servers}`;
  return (
    <span className={`backend-badge backend-${state}`} data-testid="backend-badge" data-state={state} title={detail} role="status" aria-label={`Hosts run on NATS ${choice.servers}: ${text}`}>
      NATS · {text}
    </span>
  );
}
