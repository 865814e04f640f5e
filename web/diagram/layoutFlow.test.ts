import { describe, expect, it } from 'vitest';
import type { FlowNode } from './flowGraph';
import { boxWidth, layoutFlow } from './layoutFlow';

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

  it("counts the other-tab dot drawn in a box, so the name beside it is not cut ('liste…')", () => {
    const mine = node('guest', 'listener', 0);
    const shared = { ...node('guest', 'listener', 0), otherTab: true };
    expect(boxWidth(shared)).toBeGreaterThanOrEqual(boxWidth(mine) + 11);
    const l = layoutFlow([shared, node('topic', 'chat.lobby', 1)], 900, 300);
    expect(l.boxes.get('guest:listener')!.w).toBeGreaterThanOrEqual(boxWidth(shared));
  });

  it('gives a narrow pane\'s room to the arrows, not to the margins', () => {
    // A presenter's side pane: ~365 px of layout width for guests and topics.
    const l = layoutFlow([node('guest', 'lonely-asker', 0), node('topic', 'nobody.home', 1)], 365, 300);
    const g = l.boxes.get('guest:lonely-asker')!;
    const t = l.boxes.get('topic:nobody.home')!;
    expect(t.x - t.w / 2 - (g.x + g.w / 2)).toBeGreaterThan(120);
    expect(g.x - g.w / 2).toBeGreaterThanOrEqual(10);
    expect(t.x + t.w / 2).toBeLessThanOrEqual(365 - 10);
  });

  it('caps the gap on a wide pane and centres the columns', () => {
    const l = layoutFlow([node('guest', 'a', 0), node('topic', 'b', 1)], 1600, 300);
    const g = l.boxes.get('guest:a')!;
    const t = l.boxes.get('topic:b')!;
    expect(t.x - t.w / 2 - (g.x + g.w / 2)).toBeLessThanOrEqual(260);
    expect(Math.abs(g.x - g.w / 2 - (1600 - t.x - t.w / 2))).toBeLessThan(1);
  });
});
