import { expect, test } from '@playwright/test';
import { freshNamespace, openEngine } from './engineHelpers';
import { incrementWat as wat, incrementWit as wit } from './incrementGuest';

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
