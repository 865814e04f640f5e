import { wsconnect, type NatsConnection } from '@nats-io/nats-core';
import { BackendUnavailableError, type BackendConfig } from '../../hostContract';
import { untilLoss } from './failOnLoss';

type NatsConfig = Extract<BackendConfig, { kind: 'nats' }>;

/** A live connection plus what hosts need to fail fast while it is down. */
export interface NatsLink {
  nc: NatsConnection;
  /** The address as the user typed it (never with credentials). */
  servers: string;
  /** False between a disconnect and the reconnect. */
  connected(): boolean;
  /**
   * Throws an Error naming the server when the connection is down, so a guest call returns
   * its interface's error at once instead of waiting in the client's reconnect buffer.
   */
  ensureConnected(): void;
  /**
   * Calls `listener` once when the connection is next lost (on the next microtask while it
   * is down); the returned function forgets it. A call in flight registers one and removes it
   * when it settles: a `.then` on one shared "down" promise per call would keep every call's
   * closure alive until the next disconnect, which may never come.
   */
  onDown(listener: () => void): () => void;
  /**
   * Resolves once the server has processed everything this client wrote so far (a PING's
   * PONG: subscriptions registered, publications received), or at once while the
   * connection is down, or when it goes down meanwhile: a flush then waits for a reconnect
   * that may never come, and the client re-sends its subscriptions on reconnect anyway.
   */
  arrived(): Promise<void>;
}

/** How long the first connection attempt may take before the run fails with a message. */
const CONNECT_TIMEOUT_MS = 5000;

/**
 * Connects to the NATS server over WebSocket and keeps reconnecting forever after a loss
 * (`maxReconnectAttempts: -1`): the UI shows the state, hosts refuse calls meanwhile.
 */
export async function connectNats(config: NatsConfig, name: string): Promise<NatsLink> {
  const servers = config.servers.trim();
  if (!/^wss?:\/\//i.test(servers)) {
    throw new Error(`NATS server address "${servers}" must be a WebSocket URL (ws://host:port or wss://host:port)`);
  }
  // The client ignores `user:pass@` in the address; saying so beats a connection that is
  // refused for missing credentials. Not repeated in the message: it is a secret.
  if (/^wss?:\/\/[^/?#]*@/i.test(servers)) {
    throw new Error('the NATS server address contains credentials (user:pass@); give them in Settings → Credentials instead');
  }
  const blocked = watchCspViolations(servers);
  let nc: NatsConnection;
  try {
    nc = await wsconnect({
      servers,
      name,
      timeout: CONNECT_TIMEOUT_MS,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      ignoreClusterUpdates: true,
      ...(config.token ? { token: config.token } : {}),
      ...(config.user ? { user: config.user, pass: config.pass ?? '' } : {}),
    });
  } catch (error) {
    const cspBlocked = blocked.seen();
    throw new NatsConnectError(connectFailure(servers, error, cspBlocked, Boolean(config.token || config.user)), !cspBlocked && !refusedCredentials(error));
  } finally {
    blocked.stop();
  }
  return linkNats(nc, servers);
}

/**
 * The link over an open connection: its up/down state and loss listeners. Separate from
 * `connectNats` so tests in Node can run the hosts over a TCP connection to a real server.
 */
export function linkNats(nc: NatsConnection, servers: string): NatsLink {
  let up = true;
  const listeners = new Set<() => void>();
  const goDown = (): void => {
    up = false;
    const waiting = [...listeners];
    listeners.clear();
    for (const listener of waiting) listener();
  };
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect') goDown();
      else if (status.type === 'reconnect') up = true;
    }
  })();
  void nc.closed().then(goDown);
  const onDown = (listener: () => void): (() => void) => {
    if (!up || nc.isClosed()) {
      queueMicrotask(listener);
      return () => undefined;
    }
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    nc,
    servers,
    connected: () => up && !nc.isClosed(),
    onDown,
    arrived() {
      if (!up || nc.isClosed()) return Promise.resolve();
      return untilLoss({ onDown }, nc.flush());
    },
    ensureConnected() {
      if (!up || nc.isClosed()) throw new Error(`not connected to the NATS server ${servers} (reconnecting; nothing was sent)`);
    },
  };
}

/**
 * A first connection that failed. `serverAway`: nothing refused it (no answer, the server
 * closed): trying again later may connect, e.g. once a presenter has started the server the
 * room's link names. A credentials refusal or a Content-Security-Policy block stays refused.
 */
export class NatsConnectError extends BackendUnavailableError {
  constructor(
    message: string,
    readonly serverAway: boolean,
  ) {
    super(message);
  }
}

const refusedCredentials = (error: unknown) => /auth/i.test(error instanceof Error ? error.message : String(error));

/** Text for a failed first connection, naming the likely cause. */
export function connectFailure(servers: string, error: unknown, cspBlocked: boolean, gaveCredentials: boolean): string {
  const detail = (error instanceof Error ? error.message : String(error)).trim() || 'no answer';
  if (cspBlocked) {
    return `cannot connect to the NATS server ${servers}: the page's Content-Security-Policy (connect-src) does not allow this address. Serve the playground with ${new URL(servers).origin} in connect-src.`;
  }
  if (refusedCredentials(error)) {
    // Someone who joined from a link typed nothing (links never carry credentials): "refused
    // the credentials" left them wondering which ones.
    if (!gaveCredentials) return `the NATS server ${servers} asks for credentials (${detail}): type its token, or a user and password, in ⚙ → Hosts run on → Credentials (this tab only).`;
    return `the NATS server ${servers} refused the credentials: ${detail}`;
  }
  // `npm run nats` helps whoever runs the playground's server on this machine; someone in a room
  // whose presenter's server is away needs to hear that it is that server, not their setup.
  if (/^wss?:\/\/(localhost|127\.|\[::1\])/i.test(servers)) return `cannot connect to the NATS server ${servers} (${detail}). Is it running (npm run nats) with its WebSocket listener on that port?`;
  return `cannot connect to the NATS server ${servers} (${detail}). Is it running and reachable from this network? If it is yours, start it (\`npm run nats\` in the playground's folder); if it is a presenter's, ask them; the Hosts setting (⚙) switches back to this browser.`;
}

/** Notices a CSP block of the WebSocket (browsers report it as an event, not as the error). */
function watchCspViolations(servers: string): { seen(): boolean; stop(): void } {
  let seen = false;
  const target = globalThis as unknown as Partial<EventTarget>;
  const listener = (event: Event): void => {
    const uri = (event as SecurityPolicyViolationEvent).blockedURI ?? '';
    if (uri.startsWith('ws') || servers.startsWith(uri)) seen = true;
  };
  target.addEventListener?.('securitypolicyviolation', listener);
  return { seen: () => seen, stop: () => target.removeEventListener?.('securitypolicyviolation', listener) };
}
