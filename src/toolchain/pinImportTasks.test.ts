import { describe, expect, it } from 'vitest';
import { exposeAsyncTasks } from './exposeAsyncTasks';
import { isAsyncAbiGlue } from './isAsyncAbiGlue';
import { exampleWatGuests, glueOf, importGlue } from './loadGlue.testing';
import { pinImportTasks } from './pinImportTasks';
import { wakeAsyncTicks } from './wakeAsyncTicks';

/** The text of the glue's function `name` (up to the next function at its indentation). */
function functionText(js: string, name: string): string {
  const start = js.indexOf(`function ${name}(`);
  const indent = /[ \t]*$/.exec(js.slice(0, start))![0];
  const end = js.indexOf(`\n${indent}function `, start + 1);
  return js.slice(start, end);
}

describe('0.3 glue calls each 0.2 import as the task that made the call', () => {
  it('pins both calls of the compat lowering in every 0.3 example that has one, once, leaves the rest and 0.2 glue alone, and the glue loads', async () => {
    let pinned = 0;
    for (const g of exampleWatGuests()) {
      const js = await glueOf(g.wit, g.wat);
      if (!isAsyncAbiGlue(js)) {
        expect(pinImportTasks(js), g.id).toBeUndefined();
        continue;
      }
      // As a build applies it: after exposeAsyncTasks, before wakeAsyncTicks.
      const counted = exposeAsyncTasks(js)!;
      const out = pinImportTasks(counted);
      // A guest that imports no 0.2 interface has no compat lowering: nothing to pin.
      if (!js.includes('function _lowerImportBackwardsCompat(')) {
        expect(out, g.id).toBeUndefined();
        continue;
      }
      pinned++;
      expect(out, `${g.id}: jco's glue changed shape; see pinImportTasks`).toBeDefined();
      const compat = functionText(out!, '_lowerImportBackwardsCompat');
      expect(compat, g.id).not.toMatch(/await importFn\(\.\.\.params\)/);
      expect(compat.split('_withGlobalCurrentTaskMeta({ taskID: task.id(), componentIdx: task.componentIdx(), fn: () => importFn(...params) })').length - 1, g.id).toBe(2);
      // Only that function changed: jco's own 0.3 lowering pins its calls already.
      expect(out!.replace(compat, ''), g.id).toBe(counted.replace(functionText(counted, '_lowerImportBackwardsCompat'), ''));
      expect(pinImportTasks(out!), `${g.id}: applied once`).toBeUndefined();
      const scheduled = wakeAsyncTicks(out!);
      expect(scheduled, `${g.id}: wakeAsyncTicks still applies`).toBeDefined();
      expect(typeof (await importGlue(scheduled!)).instantiate, g.id).toBe('function');
    }
    // responder-p3, order-desk-p3 and command-p3 print through wasi:cli 0.2.
    expect(pinned).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('leaves glue of another shape as jco made it', () => {
    const glue = (body: string) => `// [async-lift]x\n  function _withGlobalCurrentTaskMeta(args) {}\n  function _lowerImportBackwardsCompat(args) {\n${body}\n  }\n  function next() {}\n`;
    const twice = '    await importFn(...params);\n    const asyncRes = await importFn(...params);';
    expect(pinImportTasks(glue(twice))).toContain('fn: () => importFn(...params) }); // wcp: pinImportTasks.ts\n    const asyncRes = await _withGlobalCurrentTaskMeta(');
    // One call only, three, or no register helper: jco changed; nothing is rewritten.
    expect(pinImportTasks(glue('    await importFn(...params);'))).toBeUndefined();
    expect(pinImportTasks(glue(`${twice}\n    await importFn(...params);`))).toBeUndefined();
    expect(pinImportTasks(glue(twice).replace('_withGlobalCurrentTaskMeta', '_other'))).toBeUndefined();
  });
});
