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
  /**
   * Where the time went (artifact.timings of the first build and of the median rebuild, ms),
   * plus `page:overhead`: the page-side time beyond the worker's own laps (messages, copies).
   */
  firstTimings: Record<string, number>;
  rebuildTimings: Record<string, number>;
}

function guestOf(id: string) {
  const g = examples.find((e) => e.id === id)?.guests[0];
  if (!g) throw new Error(`example ${id} missing`);
  return g;
}

async function timedBuild(client: BuildClient, wit: string, lang: 'wat' | 'js', source: string, opts: { slot: string; full?: boolean }) {
  const t0 = performance.now();
  const r = await client.build(wit, { lang, source }, opts);
  if (r.status !== 'built') throw new Error(`${lang} build ${r.status}: ${r.status === 'failed' ? JSON.stringify(r.diagnostics) : ''}`);
  const ms = performance.now() - t0;
  const timings: Record<string, number> = { ...r.artifact.timings };
  // The worker's coarse laps (no ':' in the name) sum to its build time; the rest is the boundary.
  const inWorker = Object.entries(timings).reduce((n, [k, v]) => (k.includes(':') ? n : n + v), 0);
  timings['page:overhead'] = ms - inWorker;
  return { ms, timings };
}

async function timed(client: BuildClient, wit: string, lang: 'wat' | 'js', source: string, opts: { slot: string; full?: boolean }): Promise<number> {
  return (await timedBuild(client, wit, lang, source, opts)).ms;
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
  const first = await timedBuild(client, js.wit, 'js', `${js.source}\n// visit ${Math.random()}\n`, { slot: 'bench-js' });
  const rebuilds: Array<{ ms: number; timings: Record<string, number> }> = [];
  for (let i = 0; i < 3; i++) rebuilds.push(await timedBuild(client, js.wit, 'js', `${js.source}\n// edit ${i} ${Math.random()}\n`, { slot: 'bench-js' }));
  const rebuildMs = medianOf(rebuilds.map((r) => r.ms));
  const median = rebuilds.find((r) => r.ms === rebuildMs) ?? rebuilds[1]!;
  return { watMs, firstMs: first.ms, rebuildMs, firstTimings: first.timings, rebuildTimings: median.timings };
}
