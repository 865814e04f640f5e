import { useSyncExternalStore } from 'react';
import { listPanels, subscribePanels } from './panels/registerPanel';
import type { PanelContext } from './panels/panelContext';

interface Props {
  ctx: PanelContext;
  active: string;
  onSelect(id: string): void;
}

/** Output pane: one tab per registered panel; only the active panel is mounted. */
export function OutputPane({ ctx, active, onSelect }: Props) {
  const panels = useSyncExternalStore(subscribePanels, listPanels);
  const current = panels.find((p) => p.id === active) ?? panels[0];
  return (
    <section className="pane output-pane" aria-label="Output">
      <div className="tabs" role="tablist" aria-label="Output panels">
        {panels.map((p) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            id={`tab-${p.id}`}
            aria-selected={p === current}
            aria-controls={`panel-${p.id}`}
            className={`tab${p === current ? ' active' : ''}`}
            data-testid={`tab-${p.id}`}
            onClick={() => onSelect(p.id)}
          >
            {p.title}
          </button>
        ))}
      </div>
      {current && (
        <div className="tab-panel" role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`}>
          <current.Component ctx={ctx} />
        </div>
      )}
    </section>
  );
}
