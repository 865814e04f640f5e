import { useEffect, useRef } from 'react';
import type { HostTrust } from './useHostTrust';
import { CodePreview } from '../codePreview/CodePreview';
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
    if (promptOpen) acceptRef.current?.parentElement?.querySelector<HTMLButtonElement>('[data-testid="trust-decline"]')?.focus();
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
          <div className="trust-dialog" role="dialog" aria-modal="true" aria-labelledby="trust-title" data-testid="trust-prompt">
            <h2 id="trust-title">{FROM[trust.origin]} carries host code</h2>
            <p>
              Host code is JavaScript that answers the guest&apos;s calls{replacing.length ? ' — here it replaces a built-in host, so a familiar example can return anything this code says' : ''}. Nothing has run yet.
              If you accept, it runs sandboxed: it cannot read your saved workspaces or stored data, and cannot reach the network. If you decline, Run uses the playground&apos;s own hosts (or does not run what needs this code).
            </p>
            {items.map((item) => (
              <section key={item.id} className="trust-item" data-testid="trust-item" data-package={item.id}>
                <h3>
                  {item.replaces ? <span className="trust-replaces">replaces the built-in {item.id} host</span> : <>serves {item.id}</>}
                  {item.interfaces.length > 0 && <span className="trust-ifaces"> · interfaces {item.interfaces.join(', ')}</span>}
                </h3>
                <CodePreview source={item.source} testId="trust-code" className="code-preview trust-code" />
              </section>
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

function summary(trust: HostTrust): 'pending' | 'accepted' | 'declined' {
  if (trust.items.some((i) => i.status === 'pending')) return 'pending';
  return trust.items.some((i) => i.status === 'declined') ? 'declined' : 'accepted';
}

function badgeText(trust: HostTrust): string {
  const ids = trust.items.map((i) => i.id.replace(/@.*/, '')).join(', ');
  const state = { pending: 'not reviewed', accepted: 'accepted, sandboxed', declined: 'off' }[summary(trust)];
  return `Host code from outside: ${ids} (${state})`;
}
