import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { examples } from '../examples/index';
import { kvOpsWat, kvOpsWit } from '../../bench/kvOpsGuest';
import { replayWat, replayWit } from '../../bench/replayGuest';
import { generateBindings } from './generateBindings';
import { lightenJspiGlue, withoutDebugLogs } from './lightenJspiGlue';
import { generateGlue, glueOf, exampleWatGuests } from './loadGlue.testing';

const guests = [
  ...exampleWatGuests(),
  { id: 'bench/kv-ops', wit: kvOpsWit, wat: kvOpsWat },
  { id: 'bench/replay', wit: replayWit, wat: replayWat },
];


/** Each `_trampolineN` definition's body, by name. */
function trampolines(js: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of js.matchAll(/\n( *)const (_trampoline\d+) = (?:async function\(|function\(|_wcpReturnWhenReady\(function\* \()[^)\n]*\) \{\n([\s\S]*?)\n\1\}(?:, \(\) => [^\n]*)?\)?;?\n\1\2\.fnName/g)) out.set(m[2], m[3]);
  return out;
}

const isP3 = (js: string) => /\bisAsync: true\b|\bfuncTypeIsAsync: true\b/.test(js);

describe('lightenJspiGlue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wcp-light-glue-'));

  it('gives every JSPI import of each 0.2 example the light path, leaves p3 glue byte for byte, and the result still loads', async () => {
    let p3 = 0;
    let light = 0;
    for (const g of guests) {
      const js = await glueOf(g.wit, g.wat);
      const out = lightenJspiGlue(js);
      if (isP3(js)) {
        p3++;
        expect(out.js === js, `${g.id}: p3 glue unchanged`).toBe(true);
        expect(out.lightened, g.id).toEqual([]);
        continue;
      }
      light++;
      const jspi = [...js.matchAll(/\n *(_trampoline\d+)\.manuallyAsync = true;/g)].map((m) => m[1]);
      expect(jspi.length, `${g.id} has JSPI imports`).toBeGreaterThan(0);
      expect([...out.lightened].sort(), g.id).toEqual([...jspi].sort());
      // Suspending imports call the light lowering; the generated fallback branch stays.
      expect(out.js, g.id).not.toMatch(/Suspending\(_suspendingImport\(\d+, _lowerImportBackwardsCompat/);
      // Each one Suspending unless its host function is marked synchronous (syncImports.ts).
      expect(out.js.split('_wcpSuspendUnlessSync(0, _wcpLightLower(').length - 1, g.id).toBe(jspi.length);
      expect(out.js.split('_lowerImportBackwardsCompat.bind(').length - 1, g.id).toBe(jspi.length);
      const before = trampolines(js);
      const after = trampolines(out.js);
      expect([...after.keys()], g.id).toEqual([...before.keys()]);
      for (const name of jspi) {
        const was = before.get(name)!;
        const is = withoutDebugLogs(after.get(name)!);
        const id = `${g.id} ${name}`;
        // No task bookkeeping; the host call still counted for the deadlock check.
        expect(is, id).not.toMatch(/\b(task|parentTask|subtask|createNewCurrentTask|_withGlobalCurrentTaskMetaAsync)\b/);
        expect(is.split('(yield _trackHostOperation(() => ').length - 1, id).toBe(1);
        expect(is, id).not.toMatch(/\bawait\b/);
        expect(out.js, id).toContain(`const ${name} = _wcpReturnWhenReady(function* (`);
        // Everything else jco generated is kept: lifting, borrow release, error mapping, lowering.
        for (const kept of ['curResourceBorrows = [];', 'markTrapped(', 'getErrorPayload(e)', 'TEXT_DECODER_UTF8.decode(', 'dataView(memory0)', '_utf8AllocateAndEncode('])
          // A string argument is still lifted: short ASCII by fastLowering's _wcpLiftString, which falls back to the decoder.
          expect(is.includes(kept) || (kept === 'TEXT_DECODER_UTF8.decode(' && is.includes('_wcpLiftString(')), `${id} keeps ${kept}`).toBe(withoutDebugLogs(was).includes(kept));
        // The value the old path returned through the subtask is returned directly.
        const resolved = /\n *task\.resolve\(\[([^\n]*)\]\);\n *task\.exit\(\);(?:\n *return [^\n]*;)?$/.exec(was)![1];
        expect(is.trimEnd().endsWith(`return ${resolved};`), id).toBe(true);
        if (was.includes('return task.completionPromise();')) expect(is, id).toMatch(/markTrapped\(err\);\n *throw err;/);
      }
      // A plain host answer is returned without the async arrow (suspendOnlyOnPromise).
      expect(out.js, g.id).toMatch(/\n *return await result;\n/);
      // jco's debug log calls are skipped, arguments and all.
      expect(out.js, g.id).not.toMatch(/^\s*_debugLog\(/m);
      // A settled host call starts no scheduler timers while no task waits (quietHostOperations).
      expect(out.js, g.id).toMatch(/\n *if \(_wcpNothingWaits\(\)\) return;\n *for \(const state of ASYNC_STATE\.values\(\)\) \{ state\.runTickLoop\(\); \}\n/);
      expect(lightenJspiGlue(out.js).js, `${g.id}: idempotent`).toBe(out.js);
      const file = join(dir, `${g.id.replace(/\W/g, '_')}.mjs`);
      writeFileSync(file, out.js);
      const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { instantiate?: unknown };
      expect(typeof mod.instantiate, g.id).toBe('function');
    }
    expect(p3).toBeGreaterThanOrEqual(5);
    expect(light).toBeGreaterThanOrEqual(30);
  }, 300_000);

  it('leaves a trampoline whose code differs from what it expects as generated, and its lowering with it', async () => {
    const js = await glueOf(kvOpsWit, kvOpsWat);
    const names = [...js.matchAll(/\n *(_trampoline\d+)\.manuallyAsync = true;/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(1);
    const [odd, ...rest] = names;
    // A change in the prologue of one trampoline (as a later jco might emit).
    const body = trampolines(js).get(odd)!;
    const mutated = js.replace(body, body.replace('const started = await task.enter({ isHost: hostProvided });', 'const started = await task.enter({ isHost: hostProvided, extra: 1 });'));
    expect(mutated).not.toBe(js);
    const out = lightenJspiGlue(mutated);
    expect([...out.lightened].sort()).toEqual([...rest].sort());
    // Only its (skipped) debug log calls differ, and its string argument's lifting (fastLowering, glue-wide).
    const unlifted = trampolines(out.js).get(odd)!.replace(/_wcpLiftString\((memory\d+), (ptr\d+), (len\d+)\)/g, 'TEXT_DECODER_UTF8.decode(new Uint8Array($1.buffer, $2, $3))');
    expect(unlifted.replace(/0 && _debugLog\(/g, '_debugLog(')).toBe(trampolines(mutated).get(odd));
    expect(out.js).toMatch(new RegExp(`Suspending\\(_suspendingImport\\(0, _lowerImportBackwardsCompat\\.bind\\([^]*?importFn: ${odd},`));
  }, 60_000);

  it('is what generateBindings returns (and caches) for a 0.2 guest, not for a p3 guest', async () => {
    const dec = new TextDecoder();
    const jsOf = async (wit: string, wat: string) => {
      const { world, component } = await generateGlue(wit, wat);
      const b = await generateBindings(component, world, false, undefined, () => undefined);
      return dec.decode(b.files.find(([n]) => n.endsWith('.js'))![1]);
    };
    const first = await jsOf(kvOpsWit, kvOpsWat);
    expect(first).toContain('_wcpLightLower(');
    // Same shape again: served from the bindings cache, still light.
    expect(await jsOf(kvOpsWit, kvOpsWat.replace('(local.get $found)))', '(local.get $found) (i32.const 0) (drop)))'))).toBe(first);
    const p3 = examples.flatMap((e) => e.guests).find((g) => g.lang === 'wat' && /keyvalue-p3|messaging-p3/.test(g.wit))!;
    expect(await jsOf(p3.wit, p3.source)).not.toContain('_wcpLightLower');
  }, 60_000);
});
