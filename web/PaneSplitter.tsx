import type { KeyboardEvent, PointerEvent } from 'react';

interface Props {
  /** Index of the pane to the splitter's left. */
  index: number;
  /** Moves the boundary right of pane `index` by `delta` (fraction of the whole row). */
  onResize(index: number, delta: number): void;
  label: string;
}

/**
 * Draggable (and keyboard-operable) boundary between two panes. Works in fractions of
 * the parent row so sizes survive window resizes.
 */
export function PaneSplitter({ index, onResize, label }: Props) {
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    const row = el.parentElement;
    if (!row) return;
    el.setPointerCapture(e.pointerId);
    let lastX = e.clientX;
    const move = (ev: globalThis.PointerEvent) => {
      onResize(index, (ev.clientX - lastX) / row.clientWidth);
      lastX = ev.clientX;
    };
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'ArrowLeft') onResize(index, -0.02);
    else if (e.key === 'ArrowRight') onResize(index, 0.02);
    else return;
    e.preventDefault();
  };
  return <div className="splitter" role="separator" aria-orientation="vertical" aria-label={label} tabIndex={0} onPointerDown={onPointerDown} onKeyDown={onKeyDown} />;
}

/** Minimum share of the row one pane keeps, so none can be dragged out of existence. */
export const MIN_PANE = 0.12;

/** New sizes after moving the boundary right of pane `index` by `delta`; sums are preserved. */
export function resizePanes(sizes: number[], index: number, delta: number): number[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  const next = sizes.map((s) => s / total);
  const a = next[index] + delta;
  const b = next[index + 1] - delta;
  if (a < MIN_PANE || b < MIN_PANE || index + 1 >= next.length) return sizes;
  next[index] = a;
  next[index + 1] = b;
  return next;
}
