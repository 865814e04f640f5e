import { describe, expect, it } from 'vitest';
import type { FlowNode } from './flowGraph';
import { layoutFlow } from './layoutFlow';

const node = (kind: FlowNode['kind'], name: string, seq: number): FlowNode => ({ id: `${kind}:${name}`, kind, name, otherTab: false, seq });

describe('layoutFlow', () => {
  it('sizes boxes to the longest name of each column and keeps them inside the width, in order', () => {
    const nodes = [node('guest', 'at-least-once', 0), node('guest', 'tally', 1), node('topic', 'deliveries.log', 2), node('store', 'deliveries', 3)];
    const width = 480;
    const l = layoutFlow(nodes, width, 300);
    const g = l.boxes.get('guest:at-least-once')!;
    const t = l.boxes.get('topic:deliveries.log')!;
    const s = l.boxes.get('store:deliveries')!;
    // Wide enough for the names at 6.7 px per character plus padding.
    expect(g.w).toBeGreaterThanOrEqual('at-least-once'.length * 6.7 + 20 - 0.01);
    expect(t.w).toBeGreaterThanOrEqual('deliveries.log'.length * 6.7 + 20 - 0.01);
    // Columns left to right, not overlapping, with room for arrows between them.
    expect(g.x + g.w / 2 + 30).toBeLessThan(t.x - t.w / 2);
    expect(t.x + t.w / 2 + 30).toBeLessThan(s.x - s.w / 2);
    expect(s.x + s.w / 2).toBeLessThanOrEqual(width);
    expect(l.columns.map((c) => c.label)).toEqual(['guests', 'topics', 'stores']);
  });

  it('names the right column after what it holds', () => {
    expect(layoutFlow([node('guest', 'g', 0), node('container', 'ranges', 1)], 400, 200).columns.map((c) => c.label)).toEqual(['guests', 'containers']);
  });
});
