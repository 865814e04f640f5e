import { describe, expect, it } from 'vitest';
import { componentNew, parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { $init, generate } from '@bytecodealliance/jco-transpile/component';
import { examples } from '../examples/index';
import { analyzeWit } from './analyzeWit';
import { embedWorld } from './embedWorld';
import { exposeAsyncTasks } from './exposeAsyncTasks';
import { generateOptions } from './generateBindings';
import { importGlue } from './loadGlue.testing';

async function glueOf(wit: string, wat: string): Promise<string> {
  await $init;
  const a = analyzeWit(wit);
  if (!a.ok) throw new Error(JSON.stringify(a.diagnostics));
  const component = await componentNew(await embedWorld(await parse(wat), a.world));
  const out = generate(component, generateOptions(a.world, false));
  return new TextDecoder().decode(out.files.find(([n]) => n.endsWith('.js'))![1]);
}

describe('0.3 glue reports the tasks that have not exited', () => {
  it('rewrites the glue of every 0.3 example once, leaves 0.2 glue alone, and the glue still loads', async () => {
    let p3 = 0;
    for (const g of examples.flatMap((ex) => ex.guests.filter((x) => x.lang === 'wat').map((x) => ({ id: `${ex.id}/${x.name}`, wit: x.wit, wat: x.source })))) {
      const js = await glueOf(g.wit, g.wat);
      const out = exposeAsyncTasks(js);
      if (!/\[async-(lower|lift)\]/.test(js)) {
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
