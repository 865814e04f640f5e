import { type BuildArtifact, type BuildClient } from '../src/index';
import { putEntries } from '../src/hosts/idb/index';
import { inGuest, raw, type Method, type Op } from './benchRanges';
import { rangeWat, rangeWit } from './rangeGuest';

const keyOf = (i: number) => `k:${String(i).padStart(6, '0')}`;

/**
 * One range op at a time, for profiling (/work/tools/wprof.mjs, Chrome traces) and probes:
 * `prepare(n)` builds the range guest and seeds n keys once; `guest(op, times)` runs the
 * op's export `times` times (one run each) and returns the guest and host-call medians;
 * `raw(op, method)` one raw IndexedDB read of the same range in this page (bench/benchRanges.ts),
 * `rawInWorker` the same read in a worker (a fresh one per read, as each guest run gets), so
 * the guest's host call can be told apart from the worker it runs in.
 */
export function createRangeProbe(client: BuildClient) {
  let ready: Promise<{ artifact: BuildArtifact; namespace: string; n: number }> | undefined;
  const want = (op: Op, n: number) => (op === 'prefix' ? Math.max(0, Math.min(n, 50_000) - 40_000) : n);
  return {
    prepare: (n = 100_000) =>
      (ready ??= (async () => {
        const built = await client.build(rangeWit, { lang: 'wat', source: rangeWat }, { slot: 'bench-ranges' });
        if (built.status !== 'built') throw new Error(`range guest failed to build: ${JSON.stringify(built)}`);
        const namespace = `range-probe-${Date.now()}`;
        const value = new TextEncoder().encode('sixteen bytes...');
        await putEntries(namespace, 'bench', Array.from({ length: n }, (_, i) => [keyOf(i), value]));
        return { artifact: built.artifact, namespace, n };
      })()).then(() => undefined),
    guest: async (op: Op, times = 1) => {
      const { artifact, namespace, n } = await ready!;
      const ms: number[] = [];
      const hostMs: number[] = [];
      const calls: string[][] = [];
      for (let i = 0; i < times; i++) {
        const r = await inGuest(artifact, namespace, op, want(op, n));
        ms.push(r.ms);
        hostMs.push(r.hostMs);
        calls.push(r.calls);
      }
      const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
      return { ms: med(ms), hostMs: med(hostMs), all: ms, calls };
    },
    raw: async (op: Op, method: Method, times = 1) => {
      const { namespace, n } = await ready!;
      const ms: number[] = [];
      for (let i = 0; i < times; i++) ms.push(await raw(namespace, op, method, want(op, n)));
      return [...ms].sort((x, y) => x - y)[ms.length >> 1];
    },
    /** The range guest's JS bindings (to read profiles of the non-minified build against). */
    glue: async () => new TextDecoder().decode((await ready!).artifact.files.find(([name]) => name.endsWith('.js'))?.[1]),
    /** The raw read in a worker: a fresh one per read (as each guest run gets), or one kept across reads. */
    rawInWorker: async (op: Op, method: Method, times = 1, fresh = true) => {
      const { namespace, n } = await ready!;
      const ms: number[] = [];
      let worker: Worker | undefined;
      for (let i = 0; i < times; i++) {
        if (fresh || !worker) {
          worker?.terminate();
          worker = new Worker(new URL('./rangeRawWorker.ts', import.meta.url), { type: 'module' });
        }
        const w = worker;
        ms.push(
          await new Promise<number>((resolve, reject) => {
            w.onmessage = (ev: MessageEvent<{ ms?: number; error?: string }>) => (ev.data.error ? reject(new Error(ev.data.error)) : resolve(ev.data.ms!));
            w.postMessage({ namespace, op, method, want: want(op, n) });
          }),
        );
      }
      worker?.terminate();
      return { ms: [...ms].sort((x, y) => x - y)[ms.length >> 1], all: ms };
    },
  };
}
