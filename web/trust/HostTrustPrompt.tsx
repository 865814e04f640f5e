import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { HostTrust } from './useHostTrust';
import { TrustItem } from './TrustItem';
import './trust.css';

const FROM: Record<HostTrust['origin'], string> = {
  share: 'The link you opened',
  file: 'The file you imported',
  saved: 'This saved workspace',
  example: "This example's saved copy",
};

/**
 * Before host code from outside this browser runs: what it is, which interfaces it serves
 * or which built-in host it replaces, the code itself, and a choice. Nothing runs until
 * the user decides. The badge stays while the workspace carries such code.
 */
export function HostTrustPrompt({ trust }: { trust: HostTrust }) {
  const acceptRef = useRef<HTMLButtonElement>(null);
  const { items, promptOpen } = trust;
  useEffect(() => {
    // The safe choice takes the focus, without scrolling the dialog to its end: the top
    // (what the code is, what a link changed) must be what a small screen shows first.
    if (promptOpen) acceptRef.current?.parentElement?.querySelector<HTMLButtonElement>('[data-testid="trust-decline"]')?.focus({ preventScroll: true });
  }, [promptOpen]);
  if (items.length === 0) return null;
  const replacing = items.filter((i) => i.replaces);
  return (
    <>
      <button type="button" className={`trust-badge trust-${summary(trust)}`} data-testid="host-code-badge" onClick={trust.review} title="Review the host code this workspace carries">
        {badgeText(trust)}
      </button>
      {promptOpen && (
        <div className="trust-backdrop">
          <div className="trust-dialog" role="dialog" aria-modal="true" aria-labelledby="trust-title" data-testid="trust-prompt" onKeyDown={keepTabInside}>
            <h2 id="trust-title">{FROM[trust.origin]} carries host code</h2>
            <p>
              Host code is JavaScript that answers the guest&apos;s calls{replacing.length ? ' — here it replaces a built-in host, so a familiar example can return anything this code says' : ''}. Nothing has run yet.
              If you accept, it runs sandboxed: it cannot read your saved workspaces or stored data, and cannot reach the network. If you decline, Run uses the playground&apos;s own hosts (or does not run what needs this code).
            </p>
            {items.map((item) => (
              <TrustItem key={item.id} item={item} />
            ))}
            <div className="trust-actions">
              <button type="button" ref={acceptRef} data-testid="trust-accept" onClick={trust.accept}>Run with this host code</button>
              <button type="button" data-testid="trust-decline" onClick={trust.decline}>{replacing.length === items.length ? 'Use the built-in hosts' : 'Do not run it'}</button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}

/**
 * Tab and Shift+Tab cycle inside the prompt: it is modal, and tabbing out into the page
 * behind the backdrop left keyboard users on controls they could not see. Escape does not
 * close it on purpose: a choice has to be made, and neither is a safe "cancel" for Run.
 */
function keepTabInside(e: KeyboardEvent<HTMLDivElement>) {
  if (e.key !== 'Tab') return;
  const focusable = [...e.currentTarget.querySelectorAll<HTMLElement>('button, [tabindex="0"]')];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  const at = document.activeElement;
  if (e.shiftKey ? at === first || !e.currentTarget.contains(at) : at === last) {
    e.preventDefault();
    (e.shiftKey ? last : first)?.focus();
  }
}

function summary(trust: HostTrust): 'pending' | 'accepted' | 'declined' {
  if (trust.items.some((i) => i.status === 'pending')) return 'pending';
  return trust.items.some((i) => i.status === 'declined') ? 'declined' : 'accepted';
}

function badgeText(trust: HostTrust): string {
  const ids = trust.items.map((i) => i.id.replace(/@.*/, '')).join(', ');
  const state = { pending: 'not reviewed', accepted: 'accepted, sandboxed', declined: 'off' }[summary(trust)];
  return `Host code from outside: ${ids} (${state})`;
}
