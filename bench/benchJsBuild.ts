import { examples, type BuildClient } from '../src/index';
import { medianOf } from './alternate';

/** One page's JS build figures in ms (run.mjs assembles rounds over fresh and returning pages). */
export interface JsBuildSample {
  /** WAT build of the equivalent guest in the same page: the baseline. */
  watMs: number;
  /** First JS build in this page (engine fetch/compile + splice + initialise + componentNew + transpile). */
  firstMs: number;
  /** Median of 3 Runs after a JS-only edit (fast path: re-initialise + patch). */
  rebuildMs: number;
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
 * JS guest builds in the page it runs in: a WAT build of the keyvalue counter first (it
 * carries the toolchain warm-up, not the JS one, and is the baseline), then the first JS
 * build and three rebuilds after JS-only edits. Call it on a fresh context for the cold
 * figure and on a new page of the same context for a returning visit.
 */
export async function benchJsBuild(client: BuildClient): Promise<JsBuildSample> {
  await client.ready;
  const wat = guestOf('kv-counter');
  const js = guestOf('js-kv-counter');
  await timed(client, wat.wit, 'wat', wat.source, { slot: 'bench-wat' });
  const watMs = await timed(client, wat.wit, 'wat', `${wat.source}\n;; edit ${Math.random()}`, { slot: 'bench-wat' });
  const firstMs = await timed(client, js.wit, 'js', `${js.source}\n// visit ${Math.random()}\n`, { slot: 'bench-js' });
  const rebuilds: number[] = [];
  for (let i = 0; i < 3; i++) rebuilds.push(await timed(client, js.wit, 'js', `${js.source}\n// edit ${i} ${Math.random()}\n`, { slot: 'bench-js' }));
  return { watMs, firstMs, rebuildMs: medianOf(rebuilds) };
}
