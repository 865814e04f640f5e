import { describe, expect, it } from 'vitest';
import { exposeAsyncTasks } from './exposeAsyncTasks';
import { isAsyncAbiGlue } from './isAsyncAbiGlue';
import { exampleWatGuests, glueOf, importGlue } from './loadGlue.testing';
import { wakeAsyncTicks } from './wakeAsyncTicks';

describe('0.3 glue schedules its tasks without timers', () => {
  it('rewrites the tick loop and the lowering wait of every 0.3 example (after exposeAsyncTasks too), once, leaves 0.2 glue alone, and the glue loads', async () => {
    let p3 = 0;
    for (const g of exampleWatGuests()) {
      const js = await glueOf(g.wit, g.wat);
      if (!isAsyncAbiGlue(js)) {
        expect(wakeAsyncTicks(js), g.id).toBeUndefined();
        continue;
      }
      p3++;
      const out = wakeAsyncTicks(exposeAsyncTasks(js)!);
      expect(out, `${g.id}: jco's glue changed shape; see wakeAsyncTicks`).toBeDefined();
      expect(out!.startsWith('"use components";\n// wcp: prompt component-model scheduling'), g.id).toBe(true);
      // The helper, the loop start, the re-tick and (where the glue lowers an import async) the lowering's wait.
      expect(out!.split('_wcpSoon(').length - 1, g.id).toBe(js.includes('// NOTE: whether the import settled') ? 4 : 3);
      expect(out, g.id).not.toMatch(/setTimeout\(\(\) => \{\n\s*\/\/ NOTE: whether the import settled/);
      expect(out, g.id).toContain('this._wcpWake?.(); return;');
      expect(out, g.id).not.toContain('setTimeout(resolve, delay)');
      expect(wakeAsyncTicks(out!), `${g.id}: applied once`).toBeUndefined();
      expect(typeof (await importGlue(out!)).instantiate, g.id).toBe('function');
    }
    expect(p3).toBeGreaterThanOrEqual(5);
  }, 120_000);

  it('runs queued callbacks in order, after the microtasks of the task that queued them', async () => {
    const js = wakeAsyncTicks(exposeAsyncTasks(await glueOf(...(await p3Guest())))!)!;
    const helper = js.slice(js.indexOf('const _wcpSoonQueue'), js.indexOf('\n\n', js.indexOf('function _wcpSoon')));
    const soon = new Function(`${helper}\nreturn _wcpSoon;`)() as (fn: () => void) => void;
    const order: string[] = [];
    await new Promise<void>((done) => {
      soon(() => order.push('a'));
      soon(() => {
        order.push('b');
        done();
      });
      void Promise.resolve().then(() => order.push('microtask'));
    });
    expect(order).toEqual(['microtask', 'a', 'b']);
  });
});

async function p3Guest(): Promise<[string, string]> {
  for (const g of exampleWatGuests()) if (g.id === 'p3-handler-awaits/order-desk-p3') return [g.wit, g.wat];
  throw new Error('example p3-handler-awaits is gone');
}
