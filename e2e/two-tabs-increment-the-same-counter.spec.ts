import { expect, test } from '@playwright/test';
import { freshNamespace, openEngine } from './engineHelpers';

const wit = `package local:inc;
world inc {
  import wasi:keyvalue/store@0.2.0-draft2;
  import wasi:keyvalue/atomics@0.2.0-draft2;
  export run: func() -> s64;
}`;

// Increments "hits" 200 times in one guest call; two tabs run it at the same time.
const wat = `(module
  (import "wasi:keyvalue/store@0.2.0-draft2" "open" (func $open (param i32 i32 i32)))
  (import "wasi:keyvalue/atomics@0.2.0-draft2" "increment" (func $inc (param i32 i32 i32 i64 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "shared")
  (data (i32.const 32) "hits")
  (global $heap (mut i32) (i32.const 4096))
  (func (export "cabi_realloc") (param i32 i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $p) (local.get $size)))
    (local.get $p))
  (func (export "run") (result i64)
    (local $b i32) (local $i i32)
    (call $open (i32.const 16) (i32.const 6) (i32.const 64))
    (if (i32.load8_u (i32.const 64)) (then unreachable))
    (local.set $b (i32.load (i32.const 68)))
    (loop $again
      (call $inc (local.get $b) (i32.const 32) (i32.const 4) (i64.const 1) (i32.const 96))
      (if (i32.load8_u (i32.const 96)) (then unreachable))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $again (i32.lt_u (local.get $i) (i32.const 200))))
    (i64.load (i32.const 104))))`;

type Engine = {
  build(wit: string, lang: string, source: string): Promise<{ artifact: unknown }>;
  run(artifact: unknown, opts: object): Promise<{ state: string; result: unknown; trap?: string }>;
};

test('two tabs incrementing the same key 200 times each end at 400', async ({ browser }) => {
  const ns = freshNamespace('tabs');
  const context = await browser.newContext();
  const [a, b] = [await context.newPage(), await context.newPage()];
  await Promise.all([openEngine(a), openEngine(b)]);
  const runIn = (page: typeof a, guest: string) =>
    page.evaluate(
      async ({ wit, wat, ns, guest }) => {
        const engine = (window as unknown as { wcpEngine: Engine }).wcpEngine;
        const { artifact } = await engine.build(wit, 'wat', wat);
        return engine.run(artifact, { guest, namespace: ns, call: 'run', timeLimitMs: 30_000 });
      },
      { wit, wat, ns, guest },
    );
  const [ra, rb] = await Promise.all([runIn(a, 'tab-a'), runIn(b, 'tab-b')]);
  expect(ra.state).toBe('finished');
  expect(rb.state).toBe('finished');
  // Each guest sees the value after its own last increment; the later one sees 400.
  const finals = [Number(ra.result), Number(rb.result)].sort((x, y) => x - y);
  expect(finals[1]).toBe(400);
  expect(finals[0]).toBeGreaterThanOrEqual(200);
  // A third read through a fresh guest confirms what is stored.
  const check = await a.evaluate(
    async ({ wit, wat, ns }) => {
      const engine = (window as unknown as { wcpEngine: Engine }).wcpEngine;
      const { artifact } = await engine.build(wit.replace('200', '1'), 'wat', wat.replace('(i32.const 200)', '(i32.const 1)'));
      return engine.run(artifact, { guest: 'checker', namespace: ns, call: 'run' });
    },
    { wit, wat, ns },
  );
  expect(Number(check.result)).toBe(401);
  await context.close();
});
