import { expect, test, type Page } from '@playwright/test';
import { chooseNatsBackend, consoleText, openApp, runExample } from './appHelpers';
import { freshNamespace, openEngine } from './engineHelpers';
import { useNatsServer } from './natsServer';

// Examples that run in the browser give the same outcome on a real nats-server (Settings →
// Hosts run on: a NATS server), each where NATS once differed:
// - delivery guarantees: the topic log is appended by the sending host before the faulty
//   network (its own subject in the JetStream stream), so every message has one offset and
//   the offsets consumer is exactly-once, while the push consumers still see the network's
//   drops and duplicates (a duplicate reaches a subscriber twice, as on the browser);
// - wasmCloud meets WASI: a wasmCloud consumer.request waits on a private inbox subject, which
//   on NATS (only subscribed subjects arrive) it must subscribe to, as wasi:messaging's does;
// - a 0.3 handler that awaits: through NATS a new delivery often starts in the same turn as
//   another handler call prints; the 0.2 import that call made (get-stdout) must stay that
//   call's, not become the other call's pending request (whose answer was then lost:
//   "elems.entries is not a function", in 2 to 6 rounds of 100 paced a moment apart, none
//   back to back). So that example also runs many rounds, paced like a user pressing Run.
// The first wasmCloud build loads the JavaScript engine: the file gets a long timeout.
const nats = useNatsServer(600_000);
const ROUNDS = 80;

type Guest = { name: string; wit: string; source: string };
type Engine = {
  build(wit: string, lang: string, source: string): Promise<{ artifact: unknown }>;
  run(artifact: unknown, opts: object): Promise<unknown>;
  serve(name: string, artifact: unknown, opts: object): Promise<string>;
  served(name: string): { logs: string[] } | undefined;
  exampleGuests(id: string): Guest[];
};

/** The tally's line of one guarantee, from the console of the last Run. */
const tally = async (page: Page, label: string) => (await consoleText(page)).match(new RegExp(`${label}\\s+(lost: .*)`))?.[1];

test('compare delivery guarantees under injected faults on a NATS server, twice', async ({ page }) => {
  await openApp(page);
  await chooseNatsBackend(page, nats.ws);
  for (const run of [1, 2]) {
    if (run === 1) await runExample(page, 'proposal-delivery-guarantees');
    else await page.getByTestId('run').click();
    await expect.poll(() => tally(page, 'exactly-once'), { timeout: 60_000 }).toMatch(/^lost: none · twice or more: none · effects: 10 for 10 messages/);
    // The push consumers never see what the producer's network dropped (#03, #10) and count its duplicates (#05, #06) twice.
    expect(await tally(page, 'at-least-once')).toMatch(/^lost: #03 #10 · twice or more: #05 #06/);
    expect(await tally(page, 'at-most-once')).toMatch(/^lost: #03 #07 #10 · twice or more: #05 #06/);
    const text = await consoleText(page);
    // One offset per message: re-reads after the failed commit repeat an offset with its own message only.
    const bodyAt = new Map<number, string>();
    for (const [, offset, body] of text.matchAll(/offset (\d+) \(#(\d\d)\)/g)) {
      expect(bodyAt.get(Number(offset)) ?? body, `offset ${offset}`).toBe(body);
      bodyAt.set(Number(offset), body!);
    }
    expect([...bodyAt.values()].sort()).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10']);
    expect(text).toMatch(/already processed before the restart → skipped/);
  }
});

test('a wasmCloud component and WASI components exchange requests and replies through a NATS server', async ({ page }) => {
  await openApp(page, '?example=wasmcloud-meets-wasi');
  // The default 5 s time limit, as a user has it: the request must return well within it.
  await chooseNatsBackend(page, nats.ws, 5_000);
  await page.getByTestId('run').click();
  // The first build loads the JavaScript engine (componentize-js).
  await expect.poll(() => consoleText(page), { timeout: 420_000 }).toContain('wasmCloud got reply: HELLO FROM WASMCLOUD');
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toContain('reply: echo: hello, wasi');
  const text = await consoleText(page);
  expect(text).toContain('replied HELLO FROM WASMCLOUD');
  expect(text).toContain('wasmCloud handler got wc.echo: hello, wasi');
  expect(text).toMatch(/run\(\) → "HELLO FROM WASMCLOUD"/);
  expect(text).not.toMatch(/time limit/);
});

test('a 0.3 handler awaiting requests checks every order on a NATS server', async ({ page }) => {
  await openApp(page);
  await chooseNatsBackend(page, nats.ws);
  await page.getByTestId('example-picker').selectOption('p3-handler-awaits');
  for (let run = 1; run <= 3; run++) {
    await page.getByTestId('run').click();
    // Run clears the console: no line of the run before is read as this one's.
    await expect.poll(() => consoleText(page)).not.toContain('checked');
    for (const topic of ['created', 'paid', 'shipped']) {
      await expect.poll(() => consoleText(page), { timeout: 45_000 }).toMatch(new RegExp(`order-desk-p3\\s+checked orders\\.${topic} -> \\{"ORDER":1001`));
    }
    expect(await consoleText(page), `run ${run}`).not.toMatch(/handler failed|no answer/);
  }
});

test(`${ROUNDS} rounds of three orders: every check gets its answer`, async ({ page }) => {
  await openEngine(page);
  const logs = await page.evaluate(
    async ({ namespace, servers, rounds }) => {
      const engine = (window as unknown as { wcpEngine: Engine }).wcpEngine;
      const backend = { kind: 'nats', servers };
      const guests = engine.exampleGuests('p3-handler-awaits');
      const built = async (name: string) => {
        const g = guests.find((x) => x.name === name)!;
        return (await engine.build(g.wit, 'wat', g.source)).artifact;
      };
      const [shouter, desk, producer] = [await built('shouter'), await built('order-desk-p3'), await built('order-service')];
      await engine.serve('shouter', shouter, { namespace, subscriptions: ['greet'], backend, timeLimitMs: 240_000 });
      await engine.serve('order-desk-p3', desk, { namespace, subscriptions: ['orders.*'], backend, timeLimitMs: 240_000 });
      // Handler calls that ended: printed their check, or failed (then the host says so).
      const ended = () => engine.served('order-desk-p3')!.logs.join('').split(/checked |handler failed/).length - 1;
      for (let round = 1; round <= rounds; round++) {
        await engine.run(producer, { guest: 'order-service', namespace, call: 'run', backend, timeLimitMs: 30_000 });
        // Each round's three checks print before the next round sends (the 2 s request timeout at
        // most); then a pause, as between two Runs (back to back, rounds never raced).
        for (let i = 0; i < 120 && ended() < round * 3; i++) await new Promise((r) => setTimeout(r, 25));
        await new Promise((r) => setTimeout(r, 300));
      }
      return engine.served('order-desk-p3')!.logs;
    },
    { namespace: freshNamespace('p3-awaits-nats'), servers: nats.ws, rounds: ROUNDS },
  );
  expect(logs.filter((line) => /handler failed|no answer/.test(line))).toEqual([]);
  expect(logs.filter((line) => /checked orders\.\w+ -> \{"ORDER":1001/.test(line))).toHaveLength(ROUNDS * 3);
});
