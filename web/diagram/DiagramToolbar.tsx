import { MESSAGE_ACTIONS } from '../../src/index';
import type { FlowNode } from './flowGraph';
import { isFiltering, type TimelineFilter } from './timelineFilter';
import type { TraceView } from './useTraceView';

interface Props {
  view: TraceView;
  nodes: readonly FlowNode[];
  filter: TimelineFilter;
  onFilter(f: TimelineFilter): void;
  /** Rows left after filtering. */
  shown: number;
  onClear(): void;
}

// Every message action (nack was missing), from the one list the trace checks use too.
const KINDS = ['message', ...MESSAGE_ACTIONS, 'call', 'lifecycle'];

/** Pause, scrub slider and filters of the Diagram tab. */
export function DiagramToolbar({ view, nodes, filter, onFilter, shown, onClear }: Props) {
  const guests = nodes.filter((n) => n.kind === 'guest');
  const topics = nodes.filter((n) => n.kind === 'topic');
  const set = (patch: Partial<TimelineFilter>) => onFilter({ ...filter, ...patch });
  const scrubbing = view.scrub !== undefined;
  return (
    <div className="diagram-toolbar">
      <div className="diagram-toolbar-row">
        <button type="button" className={`small${view.paused ? ' active' : ''}`} data-testid="diagram-pause" aria-pressed={view.paused} onClick={() => view.setPaused(!view.paused)} title="Pause stops the views (events are still recorded)">
          {view.paused ? '▶ Resume' : '❚❚ Pause'}
        </button>
        <input
          type="range"
          className="diagram-scrub"
          data-testid="diagram-scrub"
          aria-label="Scrub through the trace"
          min={0}
          max={view.available}
          value={view.end}
          onChange={(e) => {
            const v = Number(e.target.value);
            view.setScrub(v >= view.available ? undefined : v);
          }}
        />
        <span className={`diagram-scrub-label${scrubbing ? ' scrubbing' : ''}`} data-testid="diagram-count">
          {view.end} / {view.available}
          {view.paused ? ' · paused' : scrubbing ? '' : ' · live'}
        </span>
        {scrubbing && (
          <button type="button" className="small" onClick={() => view.setScrub(undefined)} title="Follow new events again">
            Live
          </button>
        )}
        <button type="button" className="small" onClick={onClear} aria-label="Clear trace">
          Clear
        </button>
      </div>
      <div className="diagram-toolbar-row">
        <select aria-label="Filter by guest" data-testid="diagram-filter-guest" value={filter.guest} onChange={(e) => set({ guest: e.target.value })}>
          <option value="">all guests</option>
          {guests.map((n) => (
            <option key={n.id} value={n.name}>
              {n.name}
            </option>
          ))}
        </select>
        <select aria-label="Filter by topic" data-testid="diagram-filter-topic" value={filter.topic} onChange={(e) => set({ topic: e.target.value })}>
          <option value="">all topics</option>
          {topics.map((n) => (
            <option key={n.id} value={n.name}>
              {n.name}
            </option>
          ))}
        </select>
        <select aria-label="Filter by kind" data-testid="diagram-filter-kind" value={filter.kind} onChange={(e) => set({ kind: e.target.value })}>
          <option value="">all kinds</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        <input type="search" className="trace-filter" data-testid="diagram-filter-text" placeholder="Text: fn, topic, id…" aria-label="Filter timeline by text" value={filter.text} onChange={(e) => set({ text: e.target.value })} />
        <span className="muted diagram-rows" data-testid="timeline-count">
          {isFiltering(filter) ? `${shown} / ${view.end}` : shown} rows
        </span>
      </div>
    </div>
  );
}
