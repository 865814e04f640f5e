/** Narrowest lane: room for a short name and the arrows' labels between lifelines. */
export const MIN_LANE = 92;
/** One character of the lane font (11px monospace), the label's padding and the gap between labels. */
const CHAR_W = 6.7;
const LABEL_ROOM = 8 + 12;
/** A lane never grows past this for its name (a very long topic scrolls sideways instead). */
const MAX_LANE = 260;

/**
 * Lane widths: each lane as wide as its name needs (at least MIN_LANE), then the room left in
 * the panel shared out evenly. Past the panel's width the timeline scrolls sideways, so a
 * name is never cut to fit.
 */
export function laneWidths(names: readonly string[], available: number): number[] {
  const need = names.map((n) => Math.min(MAX_LANE, Math.max(MIN_LANE, Math.ceil(n.length * CHAR_W + LABEL_ROOM))));
  const spare = Math.max(0, available - need.reduce((a, b) => a + b, 0)) / Math.max(1, names.length);
  return need.map((w) => w + spare);
}
