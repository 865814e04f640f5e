import type { Diagnostic, ExampleGuest } from '../src/index';

interface Props {
  guests: ExampleGuest[];
  active: number;
  onSelect(index: number): void;
  diagnostics: Record<string, Diagnostic[]>;
}

function role(g: ExampleGuest): string {
  if (g.subscriptions?.length) return `handles ${g.subscriptions.join(', ')}`;
  return g.call ? `calls ${g.call}()` : 'no entry point';
}

/** Tabs above the editors for multi-guest examples; each tab is one guest's WIT + source. */
export function GuestTabs({ guests, active, onSelect, diagnostics }: Props) {
  return (
    <div className="guest-tabs" role="tablist" aria-label="Guests">
      {guests.map((g, i) => {
        const errors = diagnostics[g.name]?.length ?? 0;
        return (
          <button
            key={g.name}
            type="button"
            role="tab"
            aria-selected={i === active}
            className={`guest-tab${i === active ? ' active' : ''}${errors ? ' has-errors' : ''}`}
            data-testid="guest-tab"
            title={`${g.name}: ${role(g)}; starts ${i + 1} of ${guests.length}`}
            onClick={() => onSelect(i)}
          >
            <span className="guest-order">{i + 1}</span>
            {g.name}
            <span className={`badge badge-${g.lang}`}>{g.lang.toUpperCase()}</span>
            {errors > 0 && <span className="error-count">{errors}</span>}
          </button>
        );
      })}
    </div>
  );
}
