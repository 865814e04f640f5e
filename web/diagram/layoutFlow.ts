import type { FlowNode, FlowNodeKind } from './flowGraph';

/** Where a node's box is drawn (centre) in CSS pixels. */
export interface NodeBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Positions of all nodes and the height the drawing needs (may exceed the viewport). */
export interface FlowLayout {
  boxes: Map<string, NodeBox>;
  height: number;
  /** Centre x and caption of each drawn column. */
  columns: { x: number; label: string }[];
}

const COLUMN_LABELS = ['guests', 'topics', 'stores'];

/** Column index per node kind: guests left, topics middle, stores and containers right. */
export const columnOf = (kind: FlowNodeKind) => (kind === 'guest' ? 0 : kind === 'topic' ? 1 : 2);

/** A node's column: a guest serving other guests sits in the middle, between its callers and the stores. */
export const columnOfNode = (n: Pick<FlowNode, 'kind' | 'serves'>) => (n.kind === 'guest' && n.serves ? 1 : columnOf(n.kind));

const NODE_H = 30;
const MIN_GAP = 12;
const MAX_PITCH = 72;
const PAD_Y = 20;
/** Width of one character of the node font (11px monospace) and the box's padding + border. */
const CHAR_W = 6.7;
const BOX_PAD = 20;
/** The "other tab" dot (7 px) and its gap to the name (4 px) that FlowDiagram draws in the box. */
const DOT_W = 11;
const MIN_BOX = 64;
const MAX_BOX = 230;
/** Narrowest room left for the arrows between two columns. */
const MIN_EDGE = 48;
/** Widest: past it more width goes to the outer margins (arrows that long read as unrelated). */
const MAX_EDGE = 260;
/** Outer margin at least, beside the first and last column. */
const MARGIN = 10;

/** Width a node's box needs to show its whole name (and the other-tab dot, if drawn). */
export const boxWidth = (n: Pick<FlowNode, 'name' | 'otherTab'>) => n.name.length * CHAR_W + (n.otherTab ? DOT_W : 0) + BOX_PAD;

/**
 * Deterministic three-column layout. Within a column nodes keep insertion order, so a new
 * node only ever appears below the existing ones and nothing already drawn moves sideways;
 * vertical spacing shrinks to fit (down to a minimum, after which the drawing scrolls).
 */
export function layoutFlow(nodes: readonly FlowNode[], width: number, height: number): FlowLayout {
  const columns: FlowNode[][] = [[], [], []];
  for (const n of nodes) columns[columnOfNode(n)].push(n);
  for (const c of columns) c.sort((a, b) => a.seq - b.seq);
  const tallest = Math.max(1, ...columns.map((c) => c.length));
  const pitch = Math.max(NODE_H + MIN_GAP, Math.min(MAX_PITCH, (height - 2 * PAD_Y) / tallest));
  const needed = Math.max(height, tallest * pitch + 2 * PAD_Y);
  // Empty columns take no room (a pure messaging run has no stores), so edges get longer.
  const used = [0, 1, 2].filter((ci) => columns[ci].length > 0 || ci === 0);
  // Each column's boxes are as wide as its longest name needs (names are what people point
  // at); when the names don't all fit, every column shrinks alike and long names ellipsize.
  const want = used.map((ci) => Math.max(MIN_BOX, Math.min(MAX_BOX, Math.max(0, ...columns[ci].map(boxWidth)))));
  const inner = used.length - 1;
  const minGap = Math.min(MIN_EDGE, width / (used.length * 5));
  const scale = Math.min(1, (width - 2 * MARGIN - minGap * inner) / want.reduce((a, b) => a + b, 0));
  const widths = want.map((w) => Math.max(40, w * scale));
  // The room between columns goes to the arrows first, the margins get what is left: spread
  // evenly, a 365 px presenter pane left ~57 px between guests and topics, and the count
  // labels sat on the arrowheads or were left out.
  const free = width - widths.reduce((a, b) => a + b, 0);
  const gap = inner === 0 ? 0 : Math.max(0, Math.min(MAX_EDGE, (free - 2 * MARGIN) / inner));
  const centres: number[] = [];
  let x = (free - gap * inner) / 2;
  for (const w of widths) {
    centres.push(x + w / 2);
    x += w + gap;
  }
  const boxes = new Map<string, NodeBox>();
  used.forEach((ci, slot) => {
    const col = columns[ci];
    const top = (needed - col.length * pitch) / 2;
    col.forEach((n, i) => boxes.set(n.id, { x: centres[slot], y: top + pitch * (i + 0.5), w: widths[slot], h: NODE_H }));
  });
  // The right column names what it holds: key-value stores, blob containers, custom hosts.
  const right = new Set(columns[2].map((n) => n.kind));
  const middle = new Set(columns[1].map((n) => n.kind));
  const rightLabel = [right.has('store') && 'stores', right.has('container') && 'containers', right.has('host') && 'hosts'].filter(Boolean).join(' · ') || COLUMN_LABELS[2];
  const label = (ci: number) => (ci === 1 && middle.has('guest') ? (middle.size === 2 ? 'topics · serving guests' : 'serving guests') : ci < 2 ? COLUMN_LABELS[ci] : rightLabel);
  return { boxes, height: needed, columns: used.map((ci, slot) => ({ x: centres[slot], label: label(ci) })) };
}

/**
 * Control point of the gently curved edge from `a` to `b`. Calls bend the other way than
 * messages so both families stay visible between the same pair of nodes.
 */
export function edgeCurve(a: NodeBox, b: NodeBox, family: string) {
  const forward = b.x >= a.x;
  const x0 = a.x + (forward ? a.w / 2 : -a.w / 2);
  const x1 = b.x + (forward ? -b.w / 2 : b.w / 2);
  const bend = (family === 'call' ? -1 : 1) * Math.min(28, Math.abs(x1 - x0) * 0.12 + 6);
  const same = a === b;
  if (same) return { x0: a.x + a.w / 2, y0: a.y - 6, cx: a.x + a.w / 2 + 30, cy: a.y, x1: a.x + a.w / 2, y1: a.y + 6 };
  // A stacked pair (same column) leaves the box at the side and loops outward.
  if (Math.abs(x1 - x0) < 1 || a.x === b.x) {
    const x = a.x + a.w / 2;
    return { x0: x, y0: a.y, cx: x + 40, cy: (a.y + b.y) / 2, x1: x, y1: b.y };
  }
  return { x0, y0: a.y, cx: (x0 + x1) / 2, cy: (a.y + b.y) / 2 + bend, x1, y1: b.y };
}

/** Point at parameter t ∈ [0, 1] on a quadratic curve from {@link edgeCurve}. */
export function pointOn(c: ReturnType<typeof edgeCurve>, t: number) {
  const u = 1 - t;
  return { x: u * u * c.x0 + 2 * u * t * c.cx + t * t * c.x1, y: u * u * c.y0 + 2 * u * t * c.cy + t * t * c.y1 };
}
