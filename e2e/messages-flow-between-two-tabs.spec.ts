import { expect, test, type Page } from '@playwright/test';
import { consoleText, openApp, runExample } from './appHelpers';
import { freshNamespace, openEngine } from './engineHelpers';

type Engine = {
  build(wit: string, lang: string, source: string): Promise<{ artifact: unknown }>;
  run(artifact: unknown, opts: object): Promise<{ state: string; result: unknown; trap?: string; logs: string[] }>;
  serve(name: string, artifact: unknown, opts: object): Promise<string>;
  exampleGuests(id: string): Guest[];
  served(name: string): { logs: string[]; events: { kind: string; action?: string }[] } | undefined;
};

type Guest = { name: string; wit: string; source: string; call?: string };

async function build(page: Page, g: { wit: string; source: string }) {
  return page.evaluate(async (g) => (await (window as unknown as { wcpEngine: Engine }).wcpEngine.build(g.wit, 'wat', g.source)).artifact, g);
}

test('a handler in one tab receives what a producer in another tab sends', async ({ browser }) => {
  const namespace = freshNamespace('tabs-msg');
  const context = await browser.newContext();
  const [listener, sender] = [await context.newPage(), await context.newPage()];
  await Promise.all([openEngine(listener), openEngine(sender)]);
  const guests = await listener.evaluate(() => (window as unknown as { wcpEngine: Engine }).wcpEngine.exampleGuests('msg-fan-out'));
  const handler = guests.find((g) => !g.call)!;
  const producer = guests.find((g) => g.call)!;

  const handlerArtifact = await build(listener, handler);
  const state = await listener.evaluate(
    ({ a, namespace }) => (window as unknown as { wcpEngine: Engine }).wcpEngine.serve('all-orders', a, { namespace, subscriptions: ['orders.*'] }),
    { a: handlerArtifact, namespace },
  );
  expect(state).toBe('serving');

  const producerArtifact = await build(sender, producer);
  const sent = await sender.evaluate(
    ({ a, namespace }) => (window as unknown as { wcpEngine: Engine }).wcpEngine.run(a, { guest: 'order-service', namespace, call: 'run' }),
    { a: producerArtifact, namespace },
  );
  expect(sent.state).toBe('finished');
  expect(Number(sent.result)).toBe(3);

  await expect
    .poll(async () => (await listener.evaluate(() => (window as unknown as { wcpEngine: Engine }).wcpEngine.served('all-orders')))?.logs.length ?? 0)
    .toBe(3);
  const got = (await listener.evaluate(() => (window as unknown as { wcpEngine: Engine }).wcpEngine.served('all-orders')))!;
  expect(got.logs.join('\n')).toContain('orders.created: {"order":1001');
  expect(got.logs.join('\n')).toContain('orders.shipped');
  // Trace batches leave the worker up to 50 ms after the lines it printed (createTraceQueue.ts).
  await expect
    .poll(async () => (await listener.evaluate(() => (window as unknown as { wcpEngine: Engine }).wcpEngine.served('all-orders')))?.events.filter((e) => e.kind === 'message' && e.action === 'ack').length)
    .toBe(3);
  await context.close();
});

test('a request nobody answers fails with the timeout error', async ({ page }) => {
  await openEngine(page);
  const result = await page.evaluate(async (ns) => {
    const engine = (window as unknown as { wcpEngine: { runScenario(id: string, o: object): Promise<{ guests: { name: string; result: unknown; logs: string[] }[] }> } }).wcpEngine;
    return engine.runScenario('msg-request-reply', { namespace: ns, settleMs: 200 });
  }, freshNamespace('rr'));
  const lonely = result.guests.find((g) => g.name === 'lonely-asker')!;
  expect(lonely.logs.join('\n')).toContain('request to nobody.home failed: timeout');
  expect(Number(lonely.result)).toBe(0);
  const asker = result.guests.find((g) => g.name === 'asker')!;
  expect(asker.logs.join('\n')).toContain('reply: HELLO, WASI');
});

test('the two-tabs example: each tab gets its own speaker number and every listener hears both', async ({ browser }) => {
  // One context: the tabs share IndexedDB (the counter) and BroadcastChannel (the lobby).
  const context = await browser.newContext();
  const [first, second] = [await context.newPage(), await context.newPage()];
  await openApp(first);
  await runExample(first, 'msg-two-tabs');
  await expect.poll(() => consoleText(first), { timeout: 20_000 }).toMatch(/speaker #1 said hello/);
  await expect.poll(() => consoleText(first)).toMatch(/listener\s+chat\.lobby: hello from speaker #1/);

  await openApp(second);
  await runExample(second, 'msg-two-tabs');
  await expect.poll(() => consoleText(second), { timeout: 20_000 }).toMatch(/run\(\) → 2/);
  await expect.poll(() => consoleText(second)).toMatch(/listener\s+chat\.lobby: hello from speaker #2/);
  // The first tab's listener is still serving and hears the second tab's speaker.
  await expect.poll(() => consoleText(first)).toMatch(/listener\s+chat\.lobby: hello from speaker #2/);
  expect(await consoleText(second)).not.toMatch(/hello from speaker #1/);
  // The first tab's trace shows the second tab's events, badged.
  await first.getByTestId('tab-trace').click();
  await expect(first.locator('.badge-tab').first()).toBeVisible();
  // …and its diagram marks the nodes the other tab used with a dot, beside their whole name
  // (the box once left the dot no room: "liste…", "speak…").
  await first.getByTestId('tab-diagram').click();
  const listener = first.locator('[data-testid="diagram-node"][data-name="listener"]');
  await expect(listener.locator('.flow-node-tab')).toBeVisible();
  const nodes = first.getByTestId('diagram-node');
  for (let i = 0; i < (await nodes.count()); i++) {
    const name = nodes.nth(i).locator('.flow-node-name');
    const fits = await name.evaluate((e) => ({ text: e.textContent, fits: e.scrollWidth <= e.clientWidth }));
    expect(fits.fits, `node "${fits.text}" is not cut`).toBe(true);
  }
  await first.screenshot({ path: test.info().outputPath('two-tabs-diagram.png') });
  await context.close();
});
