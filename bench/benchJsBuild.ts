import { examples, type BuildClient } from '../src/index';

/** One figure of the JS build benchmark, in ms, with its ratio to the WAT baseline. */
export interface JsBuildRow {
  step: string;
  ms: number;
  xWat: number;
  targetMs?: number;
}

function guestOf(id: string) {
  const g = examples.find((e) => e.id === id)?.guests[0];
  if (!g) throw new Error(`example ${id} missing`);
  return g;
}

async function timed(client: BuildClient, wit: string, lang: 'wat' | 'js', source: string, opts: { slot: string; full?: boolean }): Promise<number> {
  const t0 = performance.now();
  const r = await client.build(wit, { lang, source }, opts);
  if (r.status !== 'built') throw new Error(`${lang} build ${r.status}: ${r.status === 'failed' ? JSON.stringify(r.diagnostics) : ''}`);
  return performance.now() - t0;
}

/**
 * JS guest build times in the page it runs in (call it on a fresh page for the cold figure):
 * the first JS build (engine fetch + splice + initialise + componentNew + transpile), a Run
 * after a JS-only edit (fast path: re-initialise + patch), and a full rebuild of the edited
 * guest (what Download does). The baseline is a build of the equivalent WAT guest (the keyvalue
 * counter) in the same page, taken first so it carries the toolchain warm-up, not the JS one.
 */
export async function benchJsBuild(client: BuildClient): Promise<JsBuildRow[]> {
  await client.ready;
  const wat = guestOf('kv-counter');
  const js = guestOf('js-kv-counter');
  await timed(client, wat.wit, 'wat', wat.source, { slot: 'bench-wat' });
  const watMs = await timed(client, wat.wit, 'wat', `${wat.source}\n;; edit`, { slot: 'bench-wat' });
  const firstMs = await timed(client, js.wit, 'js', js.source, { slot: 'bench-js' });
  const rebuilds: number[] = [];
  for (let i = 0; i < 5; i++) rebuilds.push(await timed(client, js.wit, 'js', `${js.source}\n// edit ${i}\n`, { slot: 'bench-js' }));
  rebuilds.sort((a, b) => a - b);
  const rebuildMs = rebuilds[2]!;
  const fullMs = await timed(client, js.wit, 'js', `${js.source}\n// full\n`, { slot: 'bench-js', full: true });
  const row = (step: string, ms: number, targetMs?: number): JsBuildRow => ({ step, ms, xWat: ms / watMs, ...(targetMs ? { targetMs } : {}) });
  return [row('wat-build (baseline)', watMs), row('js-first-build (cold page)', firstMs, 15_000), row('js-rebuild-after-edit (median of 5)', rebuildMs, 3_000), row('js-full-rebuild (download)', fullMs)];
}
