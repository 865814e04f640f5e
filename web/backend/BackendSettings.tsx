import { useEffect, useId, useState } from 'react';
import { addressProblem, hasCredentials } from './backendChoice';
import type { BackendState } from './useBackend';
import './backend.css';

/**
 * "Hosts run on: this browser | a NATS server" with the server's WebSocket address and
 * optional credentials. Used in the ⚙ settings menu and the Hosts tab. The address
 * applies on Enter, on leaving the field, or when the NATS option is picked; credentials
 * are kept for this tab only.
 */
export function BackendSettings({ backend }: { backend: BackendState }) {
  const { choice, credentials, choose, setCredentials } = backend;
  const [servers, setServers] = useState(choice.servers);
  const [problem, setProblem] = useState<string>();
  // Two instances (⚙ menu, Hosts tab) must not form one radio group.
  const group = useId();
  const problemId = useId();
  useEffect(() => setServers(choice.servers), [choice.servers]);
  // An address that cannot be used is not applied (nor saved): the field says why.
  const apply = (): boolean => {
    const next = servers.trim();
    const why = next === choice.servers ? undefined : addressProblem(next);
    setProblem(why);
    if (why === undefined && next !== choice.servers) choose({ servers: next });
    return why === undefined;
  };
  // Credentials typed for another server are kept for it but not sent here.
  const otherServer = hasCredentials(credentials) && credentials.server !== choice.servers ? credentials.server : undefined;
  return (
    <fieldset className="backend-settings" data-testid="backend-settings">
      <legend>Hosts run on</legend>
      <label>
        <input type="radio" name={group} checked={choice.kind === 'browser'} onChange={() => choose({ kind: 'browser' })} data-testid="backend-browser" />
        this browser <small>(IndexedDB, BroadcastChannel; offline)</small>
      </label>
      {/* Someone in a room who pressed "Stay in this browser" and then wants to join had to type
          the presenter's address (on a phone keyboard); reloading the link was the only other way. */}
      {choice.kind === 'browser' && backend.declined !== undefined && (
        <p className="backend-note" data-testid="declined-server">
          The link you opened runs its hosts on <code>{backend.declined}</code>.{' '}
          <button type="button" className="small" data-testid="join-declined-server" onClick={() => choose({ kind: 'nats', servers: backend.declined })}>
            Connect to it
          </button>
        </p>
      )}
      <label>
        <input type="radio" name={group} checked={choice.kind === 'nats'} onChange={() => apply() && choose({ kind: 'nats' })} data-testid="backend-nats" />
        a NATS server
      </label>
      <label className="backend-field">
        WebSocket address
        <input
          type="text"
          value={servers}
          spellCheck={false}
          placeholder="ws://127.0.0.1:4280"
          aria-label="NATS server WebSocket address"
          data-testid="nats-server"
          aria-invalid={problem !== undefined}
          aria-describedby={problem !== undefined ? problemId : undefined}
          onChange={(e) => setServers(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => e.key === 'Enter' && apply()}
        />
      </label>
      {problem !== undefined && (
        <p className="backend-error" role="alert" id={problemId} data-testid="nats-server-problem">
          {problem}
        </p>
      )}
      <details className="backend-credentials" open={otherServer !== undefined || undefined}>
        <summary>Credentials (optional, this tab only, never shared)</summary>
        {otherServer !== undefined && (
          <p className="backend-note" data-testid="credentials-other-server">
            These were typed for <code>{otherServer}</code> and are not sent to <code>{choice.servers}</code>. Type them again to use them here.
          </p>
        )}
        <label className="backend-field">
          Token
          <input type="password" autoComplete="off" value={credentials.token ?? ''} onChange={(e) => setCredentials({ ...credentials, token: e.target.value || undefined })} aria-label="NATS token" />
        </label>
        <label className="backend-field">
          User
          <input type="text" autoComplete="off" value={credentials.user ?? ''} onChange={(e) => setCredentials({ ...credentials, user: e.target.value || undefined })} aria-label="NATS user" />
        </label>
        <label className="backend-field">
          Password
          <input type="password" autoComplete="off" value={credentials.pass ?? ''} onChange={(e) => setCredentials({ ...credentials, pass: e.target.value || undefined })} aria-label="NATS password" />
        </label>
      </details>
      {backend.status?.state === 'failed' && <p className="backend-error" role="alert">{backend.status.detail}</p>}
    </fieldset>
  );
}
