import type { Example } from '../../src/index';
import { placePopover } from '../share/placePopover';
import { useDismissable } from '../share/useDismissable';
import { examplesOf, languagesOf, type INTERFACES } from './landing';

interface Props {
  iface: (typeof INTERFACES)[number];
  examples: readonly Example[];
  current: string;
  onOpen(id: string): void;
}

/** One interface's examples as a small menu: JavaScript first, then WAT, each with its languages. */
export function InterfaceMenu({ iface, examples, current, onOpen }: Props) {
  const ref = useDismissable();
  const list = examplesOf(examples, iface.id);
  return (
    <details className="welcome-menu" ref={ref} data-testid={`welcome-${iface.id}`} onToggle={(e) => e.currentTarget.open && placePopover(e.currentTarget)}>
      <summary title={`Examples using ${iface.wit}`}>{iface.label}</summary>
      <ul className="welcome-popover" data-popover aria-label={`${iface.wit} examples`}>
        {list.map((ex) => (
          <li key={ex.id}>
            <button
              type="button"
              className={ex.id === current ? 'current' : undefined}
              aria-current={ex.id === current ? 'true' : undefined}
              data-testid="welcome-example"
              data-example={ex.id}
              title={ex.description}
              onClick={() => {
                if (ref.current) ref.current.open = false;
                onOpen(ex.id);
              }}
            >
              <span className="welcome-example-title">{ex.title}</span>
              <span className={`badge badge-${ex.guests[0]?.lang ?? 'wat'}`}>{languagesOf(ex)}</span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
