import { expect, test } from '@playwright/test';
import { freshNamespace, openEngine } from './engineHelpers';

type Guest = { wit: string; lang: string; source: string; name: string; call?: string };
type Engine = {
  exampleGuests(id: string): Guest[];
  build(wit: string, lang: string, source: string): Promise<{ artifact: unknown }>;
  run(artifact: unknown, opts: object): Promise<{ state: string; result: unknown; trap?: string; runsBefore?: number }>;
  serve(name: string, artifact: unknown, opts: object): Promise<string>;
  served(name: string): { logs: string[]; state?: string } | undefined;
  stopServing(name: string): void;
};

/**
 * A writer that found no watcher stops counting the registry on its connection (the
 * speed-up in src/hosts/idb/kvWatchers.ts). A watcher that starts later, in another tab,
 * must still hear every write that writer makes from then on, even from the very worker
 * (and connection) it wrote through before.
 */
test('a watcher started in another tab hears a writer that wrote before it was there', async ({ browser }) => {
  const ns = freshNamespace('late-watch');
  const context = await browser.newContext();
  const [writerTab, watcherTab] = [await context.newPage(), await context.newPage()];
  await Promise.all([openEngine(writerTab), openEngine(watcherTab)]);
  const runClerk = () =>
    writerTab.evaluate(async (ns) => {
      const engine = (window as unknown as { wcpEngine: Engine }).wcpEngine;
      const clerk = engine.exampleGuests('kv-watcher').find((g) => g.name === 'clerk')!;
      const { artifact } = await engine.build(clerk.wit, clerk.lang, clerk.source);
      return engine.run(artifact, { guest: 'clerk', namespace: ns, call: 'run', timeLimitMs: 30_000 });
    }, ns);

  // Nobody watches yet: the clerk's worker learns that and writes without counting.
  const first = await runClerk();
  expect(first.state).toBe('finished');

  await watcherTab.evaluate(async (ns) => {
    const engine = (window as unknown as { wcpEngine: Engine }).wcpEngine;
    const watch = engine.exampleGuests('kv-watcher').find((g) => g.name === 'stock-watch')!;
    const { artifact } = await engine.build(watch.wit, watch.lang, watch.source);
    await engine.serve('stock-watch', artifact, { namespace: ns, subscriptions: [], buckets: ['inventory'], timeLimitMs: 30_000 });
  }, ns);

  const second = await runClerk();
  expect(second.state).toBe('finished');
  // The second run is served by the worker the first handed back: the one that stopped counting.
  expect(second.runsBefore).toBeGreaterThan(0);
  const heard = () => watcherTab.evaluate(() => (window as unknown as { wcpEngine: Engine }).wcpEngine.served('stock-watch')?.logs.join(''));
  // Every change of the second run, in order (one log entry per printed line).
  await expect.poll(heard, { timeout: 10_000 }).toMatch(/on-set apples = 40[\s\S]*on-set pears = 25[\s\S]*on-set apples = 5 {2}\(low stock!\)[\s\S]*on-set plums = 18[\s\S]*on-set figs = 7 {2}\(low stock!\)[\s\S]*on-delete pears/);
  await watcherTab.evaluate(() => (window as unknown as { wcpEngine: Engine }).wcpEngine.stopServing('stock-watch'));
  await context.close();
});
