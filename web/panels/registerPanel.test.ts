import { describe, expect, it } from 'vitest';
import { listPanels, registerPanel, subscribePanels } from './registerPanel';

const Noop = () => null;

describe('panel registry', () => {
  it('sorts by order, replaces by id, notifies and unregisters', () => {
    let calls = 0;
    const unsub = subscribePanels(() => calls++);
    const offB = registerPanel({ id: 'b-panel', title: 'B', order: 20, Component: Noop });
    const offA = registerPanel({ id: 'a-panel', title: 'A', order: 10, Component: Noop });
    expect(listPanels().map((p) => p.id)).toEqual(['a-panel', 'b-panel']);
    registerPanel({ id: 'b-panel', title: 'B2', order: 5, Component: Noop });
    expect(listPanels().map((p) => p.title)).toEqual(['B2', 'A']);
    offB(); // stale unregister: the replaced definition is not removed
    expect(listPanels()).toHaveLength(2);
    offA();
    expect(listPanels().map((p) => p.id)).toEqual(['b-panel']);
    expect(calls).toBe(4);
    unsub();
  });

  it('rejects ids that are not kebab-case', () => {
    expect(() => registerPanel({ id: 'Bad Id', title: 'x', order: 1, Component: Noop })).toThrow(/kebab-case/);
  });
});
