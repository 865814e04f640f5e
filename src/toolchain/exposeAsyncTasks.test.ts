import { describe, expect, it } from 'vitest';
import { exposeAsyncTasks } from './exposeAsyncTasks';
import { isAsyncAbiGlue } from './isAsyncAbiGlue';
import { exampleWatGuests, glueOf, importGlue } from './loadGlue.testing';
describe('0.3 glue reports the tasks that have not exited', () => {
  it('rewrites the glue of every 0.3 example once, leaves 0.2 glue alone, and the glue still loads', async () => {
    let p3 = 0;
    for (const g of exampleWatGuests()) {
      const js = await glueOf(g.wit, g.wat);
      const out = exposeAsyncTasks(js);
      if (!isAsyncAbiGlue(js)) {
        expect(out, g.id).toBeUndefined();
        continue;
      }
      p3++;
      expect(out, `${g.id}: jco's glue changed shape; see exposeAsyncTasks`).toBeDefined();
      expect(out!.split('_wcpTasks.add(this)').length - 1, g.id).toBe(1);
      expect(out!.split('_wcpTasks.delete(this)').length - 1, g.id).toBe(1);
      expect(exposeAsyncTasks(out!), `${g.id}: applied once`).toBeUndefined();
      const mod = await importGlue(out!);
      expect(typeof mod.instantiate, g.id).toBe('function');
      // The entry is called at once, with a list (empty: nothing ran yet); the missing imports then fail.
      let listed: unknown;
      try {
        await mod.instantiate!(() => { throw new Error('no modules here'); }, { [Symbol.for('wcp.asyncTasks')]: (list: () => unknown[]) => (listed = list()) });
      } catch {
        // Expected: no core modules or imports given.
      }
      expect(listed, g.id).toEqual([]);
    }
    expect(p3).toBeGreaterThanOrEqual(5);
  }, 120_000);
});
