import { describe, expect, it, vi } from 'vitest';
import type { BuildRequest } from '../protocol/buildProtocol';
import { createBuildClient } from './createBuildClient';

/** A stand-in worker that records requests and lets the test reply in any order. */
function fakeWorker() {
  const sent: BuildRequest[] = [];
  const worker = {
    onmessage: null as ((ev: MessageEvent) => void) | null,
    onerror: null as ((ev: ErrorEvent) => void) | null,
    postMessage: (msg: BuildRequest) => sent.push(msg),
    terminate: () => undefined,
  };
  const reply = (data: unknown) => worker.onmessage?.({ data } as MessageEvent);
  return { worker, sent, reply };
}

const artifact = { component: new Uint8Array(1), files: [], exports: [], importedInterfaces: [], exportedInterfaces: [], asyncImports: [], asyncExports: [], componentWit: '', timings: {} };

describe('build client', () => {
  it('hands JS engine download progress to every subscriber until it unsubscribes, and rejects malformed events', () => {
    const { worker, reply } = fakeWorker();
    const client = createBuildClient(() => worker as unknown as Worker);
    const seen: unknown[] = [];
    const off = client.onEngineProgress((p) => seen.push(p));
    reply({ type: 'engine-progress', stage: 'download', loaded: 1024, total: 10_000_000 });
    reply({ type: 'engine-progress', stage: 'download', loaded: 'lots', total: 1 });
    reply({ type: 'engine-progress', stage: 'ready', loaded: 10_000_000, total: 10_000_000 });
    off();
    reply({ type: 'engine-progress', stage: 'ready', loaded: 1, total: 1 });
    expect(seen).toEqual([
      { stage: 'download', loaded: 1024, total: 10_000_000 },
      { stage: 'ready', loaded: 10_000_000, total: 10_000_000 },
    ]);
  });

  it('reports the caches kept for the next visit, and resolves savedForNextVisit once none is in flight', async () => {
    const { worker, reply } = fakeWorker();
    const client = createBuildClient(() => worker as unknown as Worker);
    await client.savedForNextVisit(); // nothing in flight: at once
    const seen: unknown[] = [];
    client.onEngineSaving((s) => seen.push(s));
    reply({ type: 'engine-saving', saving: true, bytes: 23_000_000 });
    let saved = false;
    const waiting = client.savedForNextVisit().then(() => (saved = true));
    reply({ type: 'engine-saving', saving: 'yes', bytes: 1 }); // malformed: dropped
    await Promise.resolve();
    expect(saved).toBe(false);
    reply({ type: 'engine-saving', saving: false, bytes: 22_900_000 });
    await waiting;
    expect(seen).toEqual([
      { saving: true, bytes: 23_000_000 },
      { saving: false, bytes: 22_900_000 },
    ]);
  });

  it('answers each types request with its own files, a malformed answer never, and one lost with a replaced worker with nothing', async () => {
    const { worker, sent, reply } = fakeWorker();
    const client = createBuildClient(() => worker as unknown as Worker);
    const first = client.guestTypes('package a:b; world w {}');
    const second = client.guestTypes('package a:b; world v {}', { world: 'v' });
    const [a, b] = sent as unknown as Array<{ type: string; seq: number; world?: string }>;
    expect([a!.type, b!.type, b!.world]).toEqual(['types', 'types', 'v']);
    reply({ type: 'types', seq: b!.seq, files: [['x.d.ts', 1]] }); // malformed: dropped
    reply({ type: 'types', seq: b!.seq, files: [['interfaces/x.d.ts', "declare module 'a:b/x' {}"]] });
    reply({ type: 'types', seq: a!.seq });
    expect(await second).toEqual([['interfaces/x.d.ts', "declare module 'a:b/x' {}"]]);
    expect(await first).toBeUndefined();
    const lost = client.guestTypes('package a:b; world w {}');
    client.dispose();
    expect(await lost).toBeUndefined();
  });

  it("asks for a WAT guest's core signatures and takes only well-formed answers", async () => {
    const { worker, sent, reply } = fakeWorker();
    const client = createBuildClient(() => worker as unknown as Worker);
    const asked = client.coreSignatures('package a:b; world w {}');
    const req = sent[0] as unknown as { type: string; seq: number; lang?: string };
    expect([req.type, req.lang]).toEqual(['types', 'wat']);
    const open = { module: 'a:b/c@1.0.0', name: 'open', signature: '(param i32 i32 i32)', wit: 'open: func(name: string) -> result<bucket>' };
    reply({ type: 'types', seq: req.seq, core: { imports: [{ name: 5 }], exports: [] } }); // malformed: dropped
    reply({ type: 'types', seq: req.seq, core: { imports: [open], exports: [{ name: 'run', signature: '' }] } });
    expect(await asked).toEqual({ imports: [open], exports: [{ name: 'run', signature: '' }] });
  });

  it('drops a reply from a superseded build and resolves it as stale', async () => {
    const { worker, sent, reply } = fakeWorker();
    const client = createBuildClient(() => worker as unknown as Worker);
    const first = client.build('a', { lang: 'wat', source: '1' });
    const second = client.build('b', { lang: 'wat', source: '2' });
    expect(await first).toEqual({ status: 'stale' });
    reply({ type: 'built', seq: sent[0].seq, artifact }); // late reply of the old run: ignored
    reply({ type: 'failed', seq: sent[1].seq, diagnostics: [{ file: 'wit', line: 2, column: 3, message: 'x' }] });
    expect(await second).toMatchObject({ status: 'failed', diagnostics: [{ line: 2 }] });
  });

  it('keeps builds in different slots independent', async () => {
    const { worker, sent, reply } = fakeWorker();
    const client = createBuildClient(() => worker as unknown as Worker);
    const a = client.build('a', { lang: 'wat', source: '' }, { slot: 'producer' });
    const b = client.build('b', { lang: 'wat', source: '' }, { slot: 'handler' });
    reply({ type: 'built', seq: sent[1].seq, artifact });
    reply({ type: 'built', seq: sent[0].seq, artifact });
    expect((await a).status).toBe('built');
    expect((await b).status).toBe('built');
  });

  it('ignores malformed replies instead of resolving with garbage', async () => {
    const { worker, sent, reply } = fakeWorker();
    const client = createBuildClient(() => worker as unknown as Worker);
    const pending = client.build('a', { lang: 'wat', source: '' });
    reply({ type: 'built', seq: sent[0].seq, artifact: { component: 'not bytes' } });
    reply({ type: 'progress', seq: sent[0].seq, stage: 'transpile' });
    reply({ type: 'built', seq: sent[0].seq, artifact });
    expect((await pending).status).toBe('built');
  });

  it('stops a build whose guest top level never finishes, and hands the other waiting builds to a new worker', async () => {
    vi.useFakeTimers();
    try {
      const workers = [fakeWorker(), fakeWorker()];
      const terminated: number[] = [];
      let spawned = 0;
      const client = createBuildClient(() => {
        const n = spawned++;
        workers[n].worker.terminate = () => void terminated.push(n);
        return workers[n].worker as unknown as Worker;
      }, { initTimeoutMs: 5_000 });
      const looping = client.build('w', { lang: 'js', source: 'while (true) {}' }, { slot: 'a' });
      const waiting = client.build('w', { lang: 'wat', source: '(module)' }, { slot: 'b' });
      const [first, second] = workers[0].sent;
      workers[0].reply({ type: 'progress', seq: first.seq, stage: 'initialize' });
      vi.advanceTimersByTime(4_999);
      expect(terminated).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(terminated).toEqual([0]);
      const result = await looping;
      expect(result).toMatchObject({ status: 'failed', diagnostics: [{ file: 'guest', line: 1 }] });
      expect(result.status === 'failed' && result.diagnostics[0].message).toMatch(/top level did not finish within 5 s/);
      // The new worker gets the build that was still queued behind the stuck one, and answers it.
      expect(workers[1].sent).toEqual([second]);
      workers[1].reply({ type: 'built', seq: second.seq, artifact });
      expect((await waiting).status).toBe('built');
    } finally {
      vi.useRealTimers();
    }
  });

  it('disarms the watchdog once initialisation moves on, however long the build then takes', async () => {
    vi.useFakeTimers();
    try {
      const { worker, sent, reply } = fakeWorker();
      let spawned = 0;
      const client = createBuildClient(() => (spawned++, worker as unknown as Worker), { initTimeoutMs: 5_000 });
      const build = client.build('w', { lang: 'js', source: 'export function run() {}' });
      reply({ type: 'progress', seq: sent[0].seq, stage: 'initialize' });
      vi.advanceTimersByTime(4_000);
      reply({ type: 'progress', seq: sent[0].seq, stage: 'component-new' });
      vi.advanceTimersByTime(60_000);
      reply({ type: 'built', seq: sent[0].seq, artifact });
      expect((await build).status).toBe('built');
      expect(spawned).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
