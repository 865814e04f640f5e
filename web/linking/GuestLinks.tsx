import type { LinkPlanResult } from '../../src/index';
import './linking.css';

interface Props {
  plan: LinkPlanResult;
  guest: string;
}

/**
 * Hosts tab, per guest: which of its imports another guest serves, whom it serves itself,
 * and why the workspace cannot be linked (the same messages Run refuses with).
 */
export function GuestLinks({ plan, guest }: Props) {
  if (!plan.ok) {
    const mine = plan.errors.filter((e) => e.guest === guest);
    if (!mine.length) return null;
    return (
      <div className="guest-links" data-testid="guest-links">
        {mine.map((e) => (
          <p key={e.message} className="guest-links-error" data-testid="guest-links-error">
            {e.message}
          </p>
        ))}
      </div>
    );
  }
  const { links, linkedOnly } = plan.plan;
  const served = links.filter((l) => l.consumer === guest);
  const serving = links.filter((l) => l.provider === guest);
  if (!served.length && !serving.length) return null;
  const consumers = [...new Set(serving.map((l) => l.consumer))];
  return (
    <div className="guest-links" data-testid="guest-links">
      {served.map((l) => (
        <p key={l.iface} data-testid="guest-link-import">
          imports <code>{l.iface}</code> from guest <strong>{l.provider}</strong> <span className="muted">(not the host: {l.provider} exports it and runs in this guest&apos;s worker)</span>
        </p>
      ))}
      {serving.map((l) => (
        <p key={`${l.consumer} ${l.iface}`} data-testid="guest-link-export">
          serves <code>{l.iface}</code> to guest <strong>{l.consumer}</strong>
        </p>
      ))}
      <p className="muted">
        {linkedOnly.includes(guest)
          ? `Run does not start it on its own: each of ${consumers.join(', ')} gets its own instance of it inside its worker, so state it keeps belongs to that caller.`
          : serving.length
            ? `Run also starts it on its own (it is called or serves hosts), as a separate instance from the one inside ${consumers.join(', ')}.`
            : 'Its calls to that guest show in the trace as "→ guest", and the diagram draws the chain.'}
      </p>
    </div>
  );
}
