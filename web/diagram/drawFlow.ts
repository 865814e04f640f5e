import type { FlowEdge, FlowStep } from './flowGraph';
import { edgeCurve, pointOn, type NodeBox } from './layoutFlow';

/** How long one message's dot takes to travel its edge. */
export const ANIM_MS = 900;
/** At most this many dots are in flight; older traffic only shows in the count labels. */
export const MAX_DOTS = 200;

/** A dot travelling along an edge for one recent event. */
export interface FlowDot {
  step: FlowStep;
  at: number;
  otherTab: boolean;
}

export interface DrawInput {
  edges: readonly FlowEdge[];
  boxes: Map<string, NodeBox>;
  dots: readonly FlowDot[];
  /** Clock the dots are placed against (the live clock, or the scrub point's time). */
  now: number;
  /** Key of the edge holding the selected event, drawn highlighted. */
  selectedEdge: string | undefined;
  /** Count label font size in CSS px (larger when presenting: `--flow-label-px` in diagram.css). */
  labelPx?: number;
}

const COLORS = { message: '#6cb6ff', call: '#b29cff', bad: '#ff6b6b', other: '#f0b84a', label: '#d7dae0', pill: '#1c1f26', pillBorder: '#2a2f3a' };
const ease = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

/** Draws edges, count labels and in-flight dots (nodes are DOM elements on top). */
export function drawFlow(g: CanvasRenderingContext2D, input: DrawInput): number {
  const { edges, boxes, dots, now, selectedEdge, labelPx = 10 } = input;
  g.lineCap = 'round';
  const labels: Label[] = [];
  const heads: Rect[] = [];
  for (const edge of edges) {
    const a = boxes.get(edge.from);
    const b = boxes.get(edge.to);
    if (!a || !b) continue;
    const c = edgeCurve(a, b, edge.family);
    const selected = edge.key === selectedEdge;
    // Calls on a message resource (topic(), data()) are many and say little: drawn faint, unlabelled.
    const quiet = edge.family === 'call' && (edge.to.startsWith('topic:') || edge.from.startsWith('topic:'));
    const color = edge.bad === edge.count ? COLORS.bad : COLORS[edge.family];
    g.strokeStyle = color;
    g.globalAlpha = selected ? 1 : quiet ? 0.22 : 0.55;
    g.lineWidth = (selected ? 2 : 1) + Math.min(3, Math.log2(edge.count) * 0.5);
    g.setLineDash(edge.family === 'call' ? [5, 4] : []);
    g.beginPath();
    g.moveTo(c.x0, c.y0);
    g.quadraticCurveTo(c.cx, c.cy, c.x1, c.y1);
    g.stroke();
    g.setLineDash([]);
    arrowHead(g, c, color);
    heads.push({ x0: c.x1 - HEAD_CLEAR, x1: c.x1 + HEAD_CLEAR, y0: c.y1 - HEAD_CLEAR, y1: c.y1 + HEAD_CLEAR });
    g.globalAlpha = 1;
    if (!quiet || selected) labels.push({ c, t: labelT(edge.key), edge, selected });
  }
  placeLabels(g, labels, [...nodeRects(boxes), ...heads], labelPx);
  let alive = 0;
  for (const d of dots) {
    const t = (now - d.at) / ANIM_MS;
    if (t > 1 || t < -0.25) continue;
    const a = boxes.get(d.step.from);
    const b = boxes.get(d.step.to);
    if (!a || !b) continue;
    alive++;
    const p = pointOn(edgeCurve(a, b, d.step.family), ease(Math.max(0, t)));
    const color = d.step.bad ? COLORS.bad : d.otherTab ? COLORS.other : d.step.family === 'call' ? COLORS.call : COLORS.message;
    g.fillStyle = color;
    g.globalAlpha = 0.25;
    g.beginPath();
    g.arc(p.x, p.y, 7, 0, Math.PI * 2);
    g.fill();
    g.globalAlpha = 1;
    g.beginPath();
    g.arc(p.x, p.y, 3.5, 0, Math.PI * 2);
    g.fill();
  }
  return alive;
}

/** Spreads labels of edges that share an end along the curve so they overlap less. */
function labelT(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
  return 0.38 + ((h >>> 0) % 5) * 0.06;
}

function arrowHead(g: CanvasRenderingContext2D, c: ReturnType<typeof edgeCurve>, color: string) {
  const angle = Math.atan2(c.y1 - c.cy, c.x1 - c.cx);
  g.fillStyle = color;
  g.beginPath();
  g.moveTo(c.x1, c.y1);
  g.lineTo(c.x1 - 8 * Math.cos(angle - 0.4), c.y1 - 8 * Math.sin(angle - 0.4));
  g.lineTo(c.x1 - 8 * Math.cos(angle + 0.4), c.y1 - 8 * Math.sin(angle + 0.4));
  g.closePath();
  g.fill();
}

interface Label {
  c: ReturnType<typeof edgeCurve>;
  /** Preferred position along the curve. */
  t: number;
  edge: FlowEdge;
  selected: boolean;
}

type Rect = { x0: number; x1: number; y0: number; y1: number };
const overlaps = (r: Rect, q: Rect) => r.x0 < q.x1 && q.x0 < r.x1 && r.y0 < q.y1 && q.y0 < r.y1;
/**
 * Other spots along an edge to try when the preferred one is taken; none in the last 20 %
 * before the arrowhead, where a label hid which way the arrow points (and whose it was).
 */
const FALLBACK_T = [0.5, 0.3, 0.62, 0.24, 0.7, 0.44, 0.56, 0.36, 0.18, 0.66, 0.76];
/** Half the size of the square around an arrow's tip that no label may cover. */
const HEAD_CLEAR = 11;

const nodeRects = (boxes: Map<string, NodeBox>): Rect[] => [...boxes.values()].map((b) => ({ x0: b.x - b.w / 2, x1: b.x + b.w / 2, y0: b.y - b.h / 2, y1: b.y + b.h / 2 }));

/**
 * Count labels on top of all edges, busiest (and the selected) first. Each label takes the
 * first spot along its edge that covers no node, arrowhead or label already placed; a label
 * with no free spot is left out (its count is in the arrow list, the arrow's hover title and
 * the selection).
 */
function placeLabels(g: CanvasRenderingContext2D, labels: Label[], blocked: readonly Rect[], px: number) {
  labels.sort((a, b) => Number(b.selected) - Number(a.selected) || b.edge.count - a.edge.count);
  const placed: Rect[] = [];
  const half = px / 2 + 4;
  for (const l of labels) {
    const w = labelWidth(g, labelText(l.edge), px);
    let spot: { x: number; y: number } | undefined;
    for (const t of [l.t, ...FALLBACK_T]) {
      const p = pointOn(l.c, t);
      const r = { x0: p.x - w / 2 - 2, x1: p.x + w / 2 + 2, y0: p.y - half, y1: p.y + half };
      if (placed.some((q) => overlaps(r, q)) || blocked.some((q) => overlaps(r, q))) continue;
      spot = p;
      placed.push(r);
      break;
    }
    if (!spot && l.selected) spot = pointOn(l.c, l.t);
    if (spot) countLabel(g, spot, l.edge, l.selected, px);
  }
}

const labelText = (edge: FlowEdge) => (edge.bad > 0 ? `×${edge.count} (${edge.bad}✗)` : `×${edge.count}`);

function labelWidth(g: CanvasRenderingContext2D, text: string, px: number): number {
  const key = `${px}|${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    g.font = font(px);
    w = g.measureText(text).width + 8;
    if (widths.size > 2000) widths.clear();
    widths.set(key, w);
  }
  return w;
}

const font = (px: number) => `${px}px ui-monospace, Menlo, Consolas, monospace`;

// measureText is surprisingly costly when ~100 labels are drawn every frame.
const widths = new Map<string, number>();

function countLabel(g: CanvasRenderingContext2D, p: { x: number; y: number }, edge: FlowEdge, selected: boolean, px: number) {
  const text = labelText(edge);
  const w = labelWidth(g, text, px);
  g.font = font(px);
  g.fillStyle = COLORS.pill;
  g.strokeStyle = selected ? COLORS.label : COLORS.pillBorder;
  g.lineWidth = 1;
  g.beginPath();
  g.roundRect(p.x - w / 2, p.y - px / 2 - 2, w, px + 4, 4);
  g.fill();
  g.stroke();
  g.fillStyle = edge.bad > 0 ? COLORS.bad : COLORS.label;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText(text, p.x, p.y + 0.5);
}

/** Edge whose curve passes within `radius` px of (x, y), for click selection. */
export function hitEdge(edges: readonly FlowEdge[], boxes: Map<string, NodeBox>, x: number, y: number, radius = 7): FlowEdge | undefined {
  let best: FlowEdge | undefined;
  let bestD = radius * radius;
  for (const edge of edges) {
    const a = boxes.get(edge.from);
    const b = boxes.get(edge.to);
    if (!a || !b) continue;
    const c = edgeCurve(a, b, edge.family);
    for (let i = 0; i <= 24; i++) {
      const p = pointOn(c, i / 24);
      const d = (p.x - x) ** 2 + (p.y - y) ** 2;
      if (d < bestD) {
        bestD = d;
        best = edge;
      }
    }
  }
  return best;
}
