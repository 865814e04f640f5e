import { useEffect, useMemo, useRef, useState } from 'react';
import { remoteSenderOf } from '../trace/remoteSender';
import type { TraceStore } from '../../src/index';
import { ANIM_MS, drawFlow, hitEdge, MAX_DOTS, type FlowDot } from './drawFlow';
import { cssZoomOf } from '../layout/cssZoomOf';
import { stepOf, type FlowEdge, type FlowNode } from './flowGraph';
import { columnOfNode, layoutFlow } from './layoutFlow';
import type { TraceView } from './useTraceView';

interface Props {
  store: TraceStore;
  view: TraceView;
  /** Ring index of the selected event (-1 when none), resolved once by the panel. */
  selectedIndex: number;
  onSelect(id: string): void;
  onNodeClick(node: FlowNode): void;
}

const clock = () => performance.timeOrigin + performance.now();

/**
 * The live flow diagram: DOM boxes for nodes (few, clickable, testable) over one canvas
 * for edges, count labels and travelling dots. The canvas is repainted at most once per
 * frame, and the animation loop only runs while dots are in flight.
 */
export function FlowDiagram({ store, view, selectedIndex, onSelect, onNodeClick }: Props) {
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  // zoom: the CSS zoom around the diagram (presenter mode), so the canvas is drawn at the
  // pixels it is shown at and pointer positions map back to layout pixels.
  const [size, setSize] = useState({ w: 400, h: 220, zoom: 1, labelPx: 10 });
  const nodes = view.nodes.list;
  const layout = useMemo(() => layoutFlow(nodes, size.w, size.h), [nodes, size.w, size.h]);
  // A run with many guests gets a taller diagram (up to ~60% of the panel) before it scrolls.
  const tallest = useMemo(() => Math.max(1, ...[0, 1, 2].map((c) => nodes.filter((n) => columnOfNode(n) === c).length)), [nodes]);
  const edges = view.edges;
  const selected = selectedIndex >= 0 && selectedIndex < view.end ? store.events.at(selectedIndex) : undefined;
  const selectedStep = selected && stepOf(selected);
  const selectedEdge = selectedStep && (selectedStep.family === 'message' || selectedStep.family === 'call') ? `${selectedStep.family}|${selectedStep.from}|${selectedStep.to}` : undefined;

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const measure = () => {
      const zoom = cssZoomOf(el);
      const labelPx = Number.parseFloat(getComputedStyle(el).getPropertyValue('--flow-label-px')) || 10;
      setSize((s) => (s.w === el.clientWidth && s.h === el.clientHeight && s.zoom === zoom && s.labelPx === labelPx ? s : { w: el.clientWidth, h: el.clientHeight, zoom, labelPx }));
    };
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const cv = canvas.current;
    const g = cv?.getContext('2d');
    if (!cv || !g) return;
    const dpr = (window.devicePixelRatio || 1) * size.zoom;
    // Only on a real change: assigning width or height (even the same value) reallocates
    // and clears the bitmap, and this effect runs on every render of a flood.
    const w = Math.round(size.w * dpr);
    const h = Math.round(layout.height * dpr);
    if (cv.width !== w) cv.width = w;
    if (cv.height !== h) cv.height = h;
    const scrubbed = view.scrub !== undefined;
    const dots = recentDots(store, view.end);
    const last = view.end > 0 ? store.events.at(view.end - 1) : undefined;
    let raf = 0;
    const paint = () => {
      // Scrubbed or paused: a still frame around the last shown event instead of the live clock.
      const now = scrubbed || view.paused ? (last?.at ?? 0) + ANIM_MS * 0.45 : clock();
      g.setTransform(dpr, 0, 0, dpr, 0, 0);
      g.clearRect(0, 0, size.w, layout.height);
      const alive = drawFlow(g, { edges, boxes: layout.boxes, dots, now, selectedEdge, labelPx: size.labelPx });
      raf = alive > 0 && !scrubbed && !view.paused ? requestAnimationFrame(paint) : 0;
    };
    paint();
    return () => cancelAnimationFrame(raf);
  }, [store, edges, layout, size.w, size.zoom, size.labelPx, selectedEdge, view.end, view.scrub, view.paused]);

  const edgeAt = (ev: React.MouseEvent<HTMLCanvasElement>) => {
    const r = ev.currentTarget.getBoundingClientRect();
    return hitEdge(edges, layout.boxes, (ev.clientX - r.left) / size.zoom, (ev.clientY - r.top) / size.zoom);
  };
  const onCanvasClick = (ev: React.MouseEvent<HTMLCanvasElement>) => {
    const edge = edgeAt(ev);
    const e = edge && store.events.at(edge.lastIndex);
    if (e) onSelect(e.id);
  };
  // Every count on hover too: a label with no free spot between crowded arrows is left out.
  const onCanvasMove = (ev: React.MouseEvent<HTMLCanvasElement>) => {
    const edge = edgeAt(ev);
    const title = edge ? edgeTitle(edge, nodes) : '';
    if (ev.currentTarget.title !== title) ev.currentTarget.title = title;
  };

  return (
    <div className="flow-diagram" ref={wrap} data-testid="flow-diagram" style={{ flexBasis: `clamp(38%, ${tallest * 44 + 44}px, 62%)` }}>
      <div className="flow-stage" style={{ height: layout.height }}>
        <canvas ref={canvas} className="flow-canvas" style={{ width: size.w, height: layout.height }} onClick={onCanvasClick} onMouseMove={onCanvasMove} aria-label="Message and call edges" />
        {layout.columns.map((c) => (
          <span key={c.label} className="flow-column-label" style={{ left: c.x }}>
            {c.label}
          </span>
        ))}
        {nodes.map((n) => {
          const b = layout.boxes.get(n.id);
          if (!b) return null;
          return (
            <button
              key={n.id}
              type="button"
              className={`flow-node flow-node-${n.kind}${selectedStep && (selectedStep.from === n.id || selectedStep.to === n.id) ? ' selected' : ''}`}
              style={{ left: b.x - b.w / 2, top: b.y - b.h / 2, width: b.w, height: b.h }}
              data-testid="diagram-node"
              data-kind={n.kind}
              data-name={n.name}
              title={`${n.kind} ${n.name}${n.otherTab ? ' (has events from another tab or machine)' : ''} — click to filter the timeline`}
              onClick={() => onNodeClick(n)}
            >
              <span className="flow-node-name">{n.name}</span>
              {/* A dot, not the "other tab" text badge: boxes are narrow and the name matters more. */}
              {n.otherTab && <span className="flow-node-tab" role="img" aria-label="has events from another tab or machine" />}
            </button>
          );
        })}
      </div>
      {/* The canvas is a picture: the same arrows as a list, for screen readers (and tests). */}
      <ul className="sr-only" aria-label="Arrows in the diagram">
        {edges.map((e) => (
          <li key={e.key} data-testid="diagram-edge" data-family={e.family} data-from={e.from} data-to={e.to} data-count={e.count} data-bad={e.bad}>
            {e.from} → {e.to}: {e.family === 'call' ? 'calls' : 'messages'} ×{e.count}
            {e.bad ? `, ${e.bad} failed` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "asker → greet: messages ×3, 1 failed", the hover title of an arrow. */
function edgeTitle(e: FlowEdge, nodes: readonly FlowNode[]): string {
  const name = (id: string) => nodes.find((n) => n.id === id)?.name ?? id;
  return `${name(e.from)} → ${name(e.to)}: ${e.family === 'call' ? 'calls' : 'messages'} ×${e.count}${e.bad ? `, ${e.bad} failed` : ''}`;
}

/** Newest events (up to MAX_DOTS) that draw an edge, for the travelling dots. */
function recentDots(store: TraceStore, end: number): FlowDot[] {
  const dots: FlowDot[] = [];
  const newest = store.events.at(end - 1)?.at ?? 0;
  for (let i = end - 1; i >= 0 && dots.length < MAX_DOTS; i--) {
    const e = store.events.at(i);
    if (!e) continue;
    // Events arrive roughly in time order; far older ones can't be in flight any more.
    if (newest - e.at > ANIM_MS * 2) break;
    const step = stepOf(e);
    if (step.family === 'message' || step.family === 'call') dots.push({ step, at: e.at, otherTab: e.tab !== store.tab || remoteSenderOf(e, store) !== undefined });
  }
  return dots;
}
