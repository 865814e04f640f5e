import { expect, test, type Page } from '@playwright/test';
import { freshNamespace, openEngine } from './engineHelpers';

/**
 * A run whose call returned gives its worker back (runWorkerPool.recycleRunWorker): the next
 * run starts in it, with the runtime already compiled. What must hold: the second run sees
 * only its own trace, output and result; storage carries over as it would across workers;
 * and a worker whose guest trapped or ran away is never handed on.
 */
type Run = { state: string; result?: unknown; trap?: string; logs: string[]; events: Array<{ kind: string; phase?: string; fn?: string; result?: unknown }>; runsBefore?: number; stages?: Record<string, number> };
type Engine = {
  build: (wit: string, lang: string, source: string) => Promise<{ artifact: unknown }>;
  run: (artifact: unknown, opts: Record<string, unknown>) => Promise<Run>;
  exampleGuests: (id: string) => Array<{ wit: string; lang: string; source: string; call: string; name: string }>;
};

const trapWit = `package local:trap;
world trap {
  export run: func();
}`;
const trapWat = `(module
  (memory (export "memory") 1)
  (func (export "run") unreachable))`;
const spinWat = `(module
  (memory (export "memory") 1)
  (func (export "run") (loop $forever (br $forever))))`;
/** Returns at once: the same bindings as the two above, so a run of those takes its worker. */
const fineWat = `(module
  (memory (export "memory") 1)
  (func (export "run")))`;

/**
 * Builds an example's (single) guest and runs it `times` times one after the other, in
 * `namespaces[i]` (one shared namespace when all are equal); Stop is pressed after the first
 * run when `stopFirst`.
 */
function runRepeatedly(page: Page, example: string, namespaces: string[], stopFirst = false): Promise<Run[]> {
  return page.evaluate(
    async ({ example, namespaces, stopFirst }) => {
      const engine = (window as unknown as { wcpEngine: Engine }).wcpEngine;
      const [g] = engine.exampleGuests(example);
      const { artifact } = await engine.build(g.wit, g.lang, g.source);
      const out: Run[] = [];
      for (const [i, namespace] of namespaces.entries()) {
        out.push(await engine.run(artifact, { guest: g.name, namespace, call: g.call, stopAfter: stopFirst && i === 0 }));
        // The worker's answer to `recycle` crosses back before the next run is started.
        await new Promise((r) => setTimeout(r, 50));
      }
      return out;
    },
    { example, namespaces, stopFirst },
  );
}

test('the next run starts in the worker of a run that returned, and sees nothing of it', async ({ page }) => {
  await openEngine(page);
  const namespace = freshNamespace('recycle');
  // Stop pressed on a finished run must not kill the worker it already gave back.
  const runs = await runRepeatedly(page, 'kv-counter', [namespace, namespace, namespace], true);
  expect(runs.map((r) => r.state)).toEqual(['finished', 'finished', 'finished']);
  // Each later run took the worker its predecessor gave back.
  expect(runs[1].runsBefore).toBeGreaterThan(runs[0].runsBefore ?? 0);
  expect(runs[2].runsBefore).toBeGreaterThan(runs[1].runsBefore ?? 0);
  for (const [i, r] of runs.entries()) {
    // The counter persisted across runs: run i returns visits = i + 1.
    expect(String(r.result)).toBe(String(i + 1));
    // One start and one exit per run: nothing of the run before leaked into this one's trace.
    expect(r.events.filter((e) => e.kind === 'lifecycle' && e.phase === 'start')).toHaveLength(1);
    expect(r.events.filter((e) => e.kind === 'lifecycle' && e.phase === 'exit')).toHaveLength(1);
    expect(r.events.filter((e) => e.fn === 'increment')).toHaveLength(1);
    // Resources are numbered per run, as in a fresh worker.
    expect(r.events.find((e) => e.fn === 'open')?.result).toBe('<bucket#1>');
  }
});

test('a blob example traces every call of its resources in a recycled worker as in a fresh one', async ({ page }) => {
  await openEngine(page);
  const namespace = freshNamespace('recycle-blob');
  // A namespace per run: the example reuses its container when it finds one.
  const runs = await runRepeatedly(page, 'blob-range-read', [`${namespace}-0`, `${namespace}-1`]);
  expect(runs[1].runsBefore).toBeGreaterThan(runs[0].runsBefore ?? 0);
  // The host's resource classes are shared by the worker's runs; the second run's calls on
  // them (outgoing-value, container, incoming-value methods) reach its own trace.
  const calls = (r: Run) => r.events.filter((e) => e.kind === 'call').map((e) => e.fn);
  expect(calls(runs[0])).toContain('[method]container.get-data');
  expect(calls(runs[1])).toEqual(calls(runs[0]));
  expect(runs[1].logs).toEqual(runs[0].logs);
});

for (const [name, wat, expected] of [
  ['trapped', trapWat, 'trapped'],
  ['ran away', spinWat, 'timeout'],
] as const) {
  test(`a worker whose guest ${name} is not handed on`, async ({ page }) => {
    await openEngine(page);
    const namespace = freshNamespace('recycle-bad');
    const [ok, bad, next] = await page.evaluate(
      async ({ namespace, trapWit, wat, fineWat }) => {
        const engine = (window as unknown as { wcpEngine: Engine }).wcpEngine;
        const good = (await engine.build(trapWit, 'wat', fineWat)).artifact;
        const bad = (await engine.build(trapWit, 'wat', wat)).artifact;
        const pause = () => new Promise((r) => setTimeout(r, 50));
        const a = await engine.run(good, { guest: 'fine', namespace, call: 'run' });
        await pause();
        // Takes the worker `a` gave back (its bindings are loaded there), and loses it.
        const b = await engine.run(bad, { guest: 'bad', namespace, call: 'run', timeLimitMs: 1000 });
        await pause();
        // Would take that worker again, were it handed on.
        const c = await engine.run(good, { guest: 'fine', namespace, call: 'run' });
        return [a, b, c];
      },
      { namespace, trapWit, wat, fineWat },
    );
    expect(ok.state).toBe('finished');
    expect(bad.state).toBe(expected);
    expect(bad.runsBefore).toBeGreaterThan(ok.runsBefore ?? 0);
    // The bad run's worker was terminated: the next run starts in a worker that has run nothing.
    expect(next.state).toBe('finished');
    expect(next.runsBefore).toBe(0);
  });
}

type Served = { logs: string[]; events: Array<{ kind: string; action?: string; fn?: string; args?: unknown[] }>; runsBefore?: number; state?: string };
type ServingEngine = Engine & {
  serve: (name: string, artifact: unknown, opts: { namespace: string; subscriptions: string[] }) => Promise<string>;
  served: (name: string) => Served | undefined;
  stopServing: (name: string) => void;
};

test('a message handler stopped while idle hands its worker to the next handler, and hears nothing after Stop', async ({ page }) => {
  await openEngine(page);
  const namespace = freshNamespace('recycle-handler');
  const result = await page.evaluate(async (namespace) => {
    const engine = (window as unknown as { wcpEngine: ServingEngine }).wcpEngine;
    const guests = engine.exampleGuests('msg-fan-out');
    const handler = guests.find((g) => g.name === 'all-orders')!;
    const producer = guests.find((g) => g.name === 'order-service')!;
    const h = (await engine.build(handler.wit, handler.lang, handler.source)).artifact;
    const p = (await engine.build(producer.wit, producer.lang, producer.source)).artifact;
    const until = async (ok: () => boolean) => {
      for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 25));
    };
    const handles = (name: string) => engine.served(name)!.events.filter((e) => e.kind === 'call' && e.fn === 'handle');
    await engine.serve('first', h, { namespace, subscriptions: ['orders.*'] });
    await engine.run(p, { guest: 'order-service', namespace, call: 'run' });
    await until(() => handles('first').length === 3 && engine.served('first')!.state === 'serving');
    engine.stopServing('first');
    const firstAtStop = { logs: engine.served('first')!.logs.length, handles: handles('first').length, state: engine.served('first')!.state };
    // The worker's answer to `recycle` crosses back before the next handler starts.
    await new Promise((r) => setTimeout(r, 100));
    await engine.serve('second', h, { namespace, subscriptions: ['orders.*'] });
    await engine.run(p, { guest: 'order-service', namespace, call: 'run' });
    await until(() => handles('second').length === 3);
    await new Promise((r) => setTimeout(r, 200));
    return {
      first: engine.served('first')!,
      second: engine.served('second')!,
      firstAtStop,
      firstHandleArgs: handles('first').map((e) => e.args),
      secondHandleArgs: handles('second').map((e) => e.args),
    };
  }, namespace);
  expect(result.firstAtStop).toEqual({ logs: result.first.logs.length, handles: 3, state: 'stopped' });
  // The second handler took the stopped one's worker (its runtime and glue compiled)…
  expect(result.second.runsBefore).toBeGreaterThan(result.first.runsBefore ?? 0);
  // …and the first heard nothing of the second round: no delivery slipped past its Stop.
  expect(handles(result.first)).toHaveLength(3);
  expect(handles(result.second)).toHaveLength(3);
  expect(result.second.logs.join('\n')).toMatch(/orders\.paid/);
  // Resources are numbered per run, as in a fresh worker.
  expect(result.secondHandleArgs).toEqual(result.firstHandleArgs);
});

function handles(s: Served) {
  return s.events.filter((e) => e.kind === 'call' && e.fn === 'handle');
}

/**
 * A 0.3 handler (`proposal:messaging-p3`) has async tasks that may outlive its calls: jco
 * settles the export's promise at `task.return`. Stopped with every task exited, it hands
 * its worker on like a 0.2 handler; stopped while a task it detached still waits, the worker
 * is terminated (toolchain/exposeAsyncTasks.ts reports the tasks to the worker).
 */
for (const detached of [false, true]) {
  test(`a 0.3 handler stopped ${detached ? 'while a task it returned from still waits is terminated' : 'with every task ended hands its worker to the next'}`, async ({ page }) => {
    await openEngine(page);
    const namespace = freshNamespace(detached ? 'recycle-p3-detached' : 'recycle-p3');
    const result = await page.evaluate(async ({ namespace, detached }) => {
      const engine = (window as unknown as { wcpEngine: ServingEngine }).wcpEngine;
      const guests = engine.exampleGuests('p3-handler-awaits');
      const shouter = guests.find((g) => g.name === 'shouter')!;
      const desk = guests.find((g) => g.name === 'order-desk-p3')!;
      const producer = guests.find((g) => g.name === 'order-service')!;
      // The detached variant calls task.return before it waits, on a topic nobody answers (2 s timeout).
      const deskSource = !detached
        ? desk.source
        : desk.source
            .replace('(data (i32.const 16) "greet")', '(data (i32.const 16) "alone")')
            .replace(';; 2 = WAIT', '(call $task_return (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0))\n    ;; 2 = WAIT')
            .replace('(call $task_return (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0))\n    (i32.const 0)))', '(i32.const 0)))');
      const s = (await engine.build(shouter.wit, shouter.lang, shouter.source)).artifact;
      const d = (await engine.build(desk.wit, desk.lang, deskSource)).artifact;
      const p = (await engine.build(producer.wit, producer.lang, producer.source)).artifact;
      const until = async (ok: () => boolean) => {
        for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 25));
      };
      const handles = (name: string) => engine.served(name)!.events.filter((e) => e.kind === 'call' && e.fn === 'handle');
      const checks = (name: string) => engine.served(name)!.logs.join('').split('checked ').length - 1;
      await engine.serve('shouter', s, { namespace, subscriptions: ['greet'] });
      await engine.serve('first', d, { namespace, subscriptions: ['orders.*'] });
      await engine.run(p, { guest: 'order-service', namespace, call: 'run' });
      await until(() => handles('first').length === 3 && (detached || checks('first') === 3) && engine.served('first')!.state === 'serving');
      engine.stopServing('first');
      const firstAtStop = { handles: handles('first').length, checks: checks('first') };
      await new Promise((r) => setTimeout(r, 100));
      await engine.serve('second', d, { namespace, subscriptions: ['orders.*'] });
      await engine.run(p, { guest: 'order-service', namespace, call: 'run' });
      await until(() => handles('second').length === 3 && (detached || checks('second') === 3));
      // Past the detached requests' 2 s timeout: a task left in a handed-on worker would print then.
      if (detached) await new Promise((r) => setTimeout(r, 2300));
      engine.stopServing('second');
      engine.stopServing('shouter');
      return { first: engine.served('first')!, second: engine.served('second')!, firstAtStop, checks: [checks('first'), checks('second')] };
    }, { namespace, detached });
    expect(handles(result.first)).toHaveLength(3);
    expect(handles(result.second)).toHaveLength(3);
    expect(result.first.state).toBe('stopped');
    if (!detached) {
      expect(result.firstAtStop).toEqual({ handles: 3, checks: 3 });
      // The second took the first's worker, and each printed its own three checks only.
      expect(result.second.runsBefore).toBeGreaterThan(result.first.runsBefore ?? 0);
      expect(result.checks).toEqual([3, 3]);
    } else {
      // The first still had three tasks waiting: its worker was not handed on…
      expect(result.second.runsBefore).toBe(0);
      // …and nothing of it printed after Stop; the second's own tasks printed when their requests timed out.
      expect(result.checks[0]).toBe(result.firstAtStop.checks);
      expect(result.second.logs.join('')).toMatch(/checked orders\.\S+ -> no answer/);
    }
  });
}

test('two guests run one after the other, Run after Run, each find their own bindings in a worker handed back', async ({ page }) => {
  await openEngine(page);
  const namespace = freshNamespace('recycle-pair');
  const runs = await page.evaluate(async (namespace) => {
    const engine = (window as unknown as { wcpEngine: Engine }).wcpEngine;
    // The example's 0.2 and 0.3 counters: different bindings, run one after the other as the app's Run does.
    const guests = engine.exampleGuests('p3-counter');
    const built = [];
    for (const g of guests) built.push({ g, artifact: (await engine.build(g.wit, g.lang, g.source)).artifact });
    const out = [];
    for (let round = 0; round < 3; round++) {
      for (const { g, artifact } of built) {
        const r = await engine.run(artifact, { guest: g.name, namespace, call: g.call });
        out.push({ name: g.name, state: r.state, result: r.result, runsBefore: r.runsBefore ?? 0, imported: Object.keys(r.stages ?? {}).includes('importAhead') ? 'ahead' : 'now' });
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    return out;
  }, namespace);
  expect(runs.map((r) => r.state)).toEqual(Array(6).fill('finished'));
  // Both counters count up the same key: 1 … 6.
  expect(runs.map((r) => String(r.result))).toEqual(['1', '2', '3', '4', '5', '6']);
  // From the second Run on, each guest runs in the worker it gave back, its bindings loaded there.
  for (const r of runs.slice(2)) {
    expect(r.runsBefore, r.name).toBeGreaterThan(0);
    expect(r.imported, r.name).toBe('ahead');
  }
});
