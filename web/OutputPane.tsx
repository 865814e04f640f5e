import { useRef, useSyncExternalStore } from 'react';
import { getTraceStore } from './engine';
import { listPanels, subscribePanels } from './panels/registerPanel';
import type { PanelContext } from './panels/panelContext';
import { tabListKeys } from './keyboard/tabListKeys';
import { RunBar } from './runs/RunBar';
import { RunCompare } from './runs/RunCompare';
import { useScrollingTabRow } from './layout/useScrollingTabRow';

interface Props {
  ctx: PanelContext;
  active: string;
  onSelect(id: string): void;
}

/** Output pane: one tab per registered panel; only the active panel is mounted. */
export function OutputPane({ ctx, active, onSelect }: Props) {
  const panels = useSyncExternalStore(subscribePanels, listPanels);
  const current = panels.find((p) => p.id === active) ?? panels[0];
  const runs = ctx.runs;
  const tabs = useRef<HTMLDivElement>(null);
  useScrollingTabRow(tabs, current && `[data-testid="tab-${current.id}"]`);
  return (
    <section className="pane output-pane" aria-label="Output">
      <div className="tabs" role="tablist" aria-label="Output panels" ref={tabs} onKeyDown={tabListKeys(panels.map((p) => p.id), current?.id ?? '', onSelect, (id) => `tab-${id}`)}>
        {panels.map((p) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            id={`tab-${p.id}`}
            aria-selected={p === current}
            // Roving focus: Tab reaches the selected tab, the arrows move between tabs.
            tabIndex={p === current ? 0 : -1}
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
          {current.traceView && runs && <RunBar runs={runs} />}
          {current.traceView && runs?.comparing && runs.previous ? (
            <RunCompare store={getTraceStore()} before={runs.previous} after={runs.shown} onClose={() => runs.setComparing(false)} />
          ) : (
            <current.Component ctx={ctx} />
          )}
        </div>
      )}
    </section>
  );
}
