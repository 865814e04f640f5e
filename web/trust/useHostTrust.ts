import { useCallback, useEffect, useMemo, useState } from 'react';
import { prewarmHostSandbox, type WorkspaceHosts } from '../../src/index';
import type { Notices } from '../state/useNotices';
import type { WorkspaceState } from '../state/useWorkspace';
import { describeHostCode, type HostCodeItem } from './describeHostCode';
import { createTrustStore } from './trustStore';
import { decideRunHosts } from './decideRunHosts';

/** Where host code the user did not type here stands. */
export type TrustStatus = 'pending' | 'accepted' | 'declined';

/** A host module from outside this browser (link, file, older save) and its decision. */
export interface UntrustedHostCode extends HostCodeItem {
  status: TrustStatus;
}

/** What the trust prompt, the badge and Run need. */
export interface HostTrust {
  /** Host code in the open workspace that was not typed in this browser. */
  items: UntrustedHostCode[];
  /** Where the workspace came from, for the prompt's wording. */
  origin: WorkspaceState['origin'];
  promptOpen: boolean;
  review(): void;
  accept(): void;
  decline(): void;
  /**
   * Hosts for the next Run of `guests` (declined code left out), or undefined when Run must
   * not start (a notice says why). Declined code for a package none of them uses stops nothing.
   */
  hostsForRun(hosts: WorkspaceHosts, guests: readonly { name: string; wit: string }[]): WorkspaceHosts | undefined;
  /** Package ids whose host code is not accepted (pending or declined): never loaded, not even to check syntax. */
  unreviewed: readonly string[];
  /**
   * Hosts edited in the UI: what the user types here is theirs and runs without asking,
   * unless it is an edit of outside code not accepted here, which keeps that decision.
   */
  setHosts(hosts: WorkspaceHosts): void;
}

const NOTICE = 'host-trust';

/**
 * Trust for host code: code typed in this browser runs; code from a link, a file or a save
 * made before this check existed is shown in a prompt first and runs only once accepted.
 * Accepting trusts exactly that source for that package — a changed copy asks again.
 * Declined code stays in the workspace (visible, shareable) but Run uses the built-in or
 * the example's own host instead, or refuses when there is none. Embedded views keep
 * decisions for the page only.
 */
export function useHostTrust(ws: WorkspaceState, notices: Notices, persist: boolean): HostTrust {
  const [store] = useState(() => createTrustStore(persist ? undefined : null));
  const [declined, setDeclined] = useState<ReadonlySet<string>>(new Set());
  const [reviewing, setReviewing] = useState(false);
  const [version, setVersion] = useState(0);
  const { workspace, example, origin, setHosts: saveHosts } = ws;
  const { show, dismiss } = notices;
  // A decision stored in another tab counts here at once: code accepted there no longer asks.
  useEffect(() => store.subscribe(() => setVersion((v) => v + 1)), [store]);

  const items = useMemo<UntrustedHostCode[]>(() => {
    void version; // the store changed
    return describeHostCode(workspace.hosts.customHosts, workspace.guests, example)
      .map((item) => ({ item, entry: store.find(item.id, item.source) }))
      .filter(({ entry }) => entry?.how !== 'typed')
      .map(({ item, entry }) => ({ ...item, status: entry ? 'accepted' : declined.has(keyOf(item)) ? 'declined' : 'pending' }));
  }, [workspace, example, store, declined, version]);

  const pending = items.some((i) => i.status === 'pending');
  // A workspace with host code will need the sandbox frame: start it now (it loads no host code).
  const needsSandbox = Object.keys(workspace.hosts.customHosts).length > 0 || Object.keys(example.customHosts ?? {}).length > 0;
  useEffect(() => void (needsSandbox && prewarmHostSandbox()), [needsSandbox]);
  const unreviewed = useMemo(() => items.filter((i) => i.status !== 'accepted').map((i) => i.id), [items]);

  const accept = useCallback(() => {
    for (const i of items) store.add({ id: i.id, source: i.source, how: 'accepted' });
    setVersion((v) => v + 1);
    setReviewing(false);
    dismiss(NOTICE);
  }, [items, store, dismiss]);

  const decline = useCallback(() => {
    setDeclined((d) => new Set([...d, ...items.filter((i) => i.status === 'pending').map(keyOf)]));
    setReviewing(false);
    dismiss(NOTICE);
  }, [items, dismiss]);

  const hostsForRun = useCallback(
    (hosts: WorkspaceHosts, guests: readonly { name: string; wit: string }[]): WorkspaceHosts | undefined => {
      const decision = decideRunHosts(items, hosts, guests, example.customHosts);
      const review = { label: 'Review host code', run: () => setReviewing(true) };
      if (decision.kind === 'wait') {
        setReviewing(true);
        show({ id: NOTICE, kind: 'error', text: `Run waits for your decision on host code for ${decision.ids.join(', ')}: nothing has run.` });
        return undefined;
      }
      if (decision.kind === 'refuse') {
        show({ id: NOTICE, kind: 'error', text: `Not run: ${decision.needs.join('; ')}, whose host code you did not accept, and the playground has no built-in host for it.`, action: review });
        return undefined;
      }
      if (decision.fallback.length) show({ id: NOTICE, kind: 'info', text: `Running with the playground's own hosts for ${decision.fallback.join(', ')}: the host code you did not accept stays off.`, action: review });
      // A refusal from before is stale once Run goes ahead.
      else dismiss(NOTICE);
      return decision.hosts;
    },
    [items, example, show, dismiss],
  );

  const setHosts = useCallback(
    (hosts: WorkspaceHosts) => {
      const nowDeclined: string[] = [];
      for (const [id, source] of Object.entries(hosts.customHosts)) {
        const before = workspace.hosts.customHosts[id];
        if (before === source) continue;
        // An edit of code this browser never accepted does not make it the user's: one
        // typed character would otherwise let the rest of a declined stranger's module run
        // unasked. It keeps the decision (declined stays declined, pending still asks);
        // Accept in the prompt, or starting from an empty module, makes it runnable.
        const prior = before === undefined || before.trim() === '' ? undefined : items.find((i) => i.id === id && i.source === before);
        if (prior?.status === 'declined') nowDeclined.push(keyOf({ id, source }));
        else if (prior?.status !== 'pending') store.add({ id, source, how: 'typed' });
      }
      if (nowDeclined.length) setDeclined((d) => new Set([...d, ...nowDeclined]));
      setVersion((v) => v + 1);
      saveHosts(hosts);
    },
    [workspace, items, store, saveHosts],
  );

  return { items, origin, unreviewed, promptOpen: pending || (reviewing && items.length > 0), review: () => setReviewing(true), accept, decline, hostsForRun, setHosts };
}

const keyOf = (i: { id: string; source: string }) => `${i.id}\u0000${i.source}`;
