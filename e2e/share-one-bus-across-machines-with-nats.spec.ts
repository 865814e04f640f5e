import { expect, test, type Page } from '@playwright/test';
import { consoleText, openApp, runExample } from './appHelpers';
import { freshNamespace, openEngine, twoMachines } from './engineHelpers';
import { useNatsServer } from './natsServer';
import { connect as connectNode, headers as natsHeaders } from '@nats-io/transport-node';
import { HTTP, type CloudEvent } from 'cloudevents';
import { blobByte, blobReaderWat, blobSize, blobWit, blobWriterWat, casWat, casWit } from './natsGuests';
import { incrementWat, incrementWit } from './incrementGuest';

// Every test uses two separate browser contexts: they share no IndexedDB and no
// BroadcastChannel, so anything that crosses between them went through the NATS server.

type Guest = { name: string; wit: string; source: string; call?: string };
type Engine = {
  build(wit: string, lang: string, source: string): Promise<{ artifact: unknown }>;
  run(artifact: unknown, opts: object): Promise<{ state: string; result: unknown; trap?: string; logs: string[] }>;
  serve(name: string, artifact: unknown, opts: object): Promise<string>;
  served(name: string): { logs: string[]; events: { kind: string; action?: string; envelope?: Record<string, string> }[] } | undefined;
  exampleGuests(id: string): Guest[];
};
type W = { wcpEngine: Engine };

// A real nats-server on loopback for this file (longer test timeout: see useNatsServer).
const nats = useNatsServer();

test('two machines share topics and counters through NATS only', async ({ browser }) => {
  const backend = { kind: 'nats', servers: nats.ws };
  const namespace = freshNamespace('nats');
  const [a, b, close] = await twoMachines(browser);
  await Promise.all([openEngine(a), openEngine(b)]);

  // Pub/sub with a wildcard: the handler on B hears the producer on A.
  const guests = await b.evaluate(() => (window as unknown as W).wcpEngine.exampleGuests('msg-fan-out'));
  const handler = guests.find((g) => !g.call)!;
  const producer = guests.find((g) => g.call)!;
  const handlerArtifact = await b.evaluate(async (g: Guest) => (await (window as unknown as W).wcpEngine.build(g.wit, 'wat', g.source)).artifact, handler);
  expect(await b.evaluate(({ art, namespace, backend }) => (window as unknown as W).wcpEngine.serve('all-orders', art, { namespace, subscriptions: ['orders.*'], backend, timeLimitMs: 30_000 }), { art: handlerArtifact, namespace, backend })).toBe('serving');
  const producerArtifact = await a.evaluate(async (g: Guest) => (await (window as unknown as W).wcpEngine.build(g.wit, 'wat', g.source)).artifact, producer);
  const sent = await a.evaluate(({ art, namespace, backend }) => (window as unknown as W).wcpEngine.run(art, { guest: 'order-service', namespace, call: 'run', backend, timeLimitMs: 30_000 }), { art: producerArtifact, namespace, backend });
  expect(sent.trap).toBeUndefined();
  expect(Number(sent.result)).toBe(3);
  await expect.poll(async () => (await b.evaluate(() => (window as unknown as W).wcpEngine.served('all-orders')))?.logs.length ?? 0).toBe(3);
  const got = (await b.evaluate(() => (window as unknown as W).wcpEngine.served('all-orders')))!;
  expect(got.logs.join('\n')).toContain('orders.created: {"order":1001');
  // The CloudEvents source names the other machine's tab and guest.
  const delivered = got.events.find((e) => e.kind === 'message' && e.action === 'deliver');
  expect(delivered?.envelope?.source).toMatch(/^\/wcp\/.+\/order-service$/);

  // Key-value: 200 increments on each machine at the same time end at exactly 400.
  const incArtifacts = await Promise.all([a, b].map((p) => p.evaluate(async ({ wit, wat }) => (await (window as unknown as W).wcpEngine.build(wit, 'wat', wat)).artifact, { wit: incrementWit, wat: incrementWat })));
  const runs = await Promise.all(
    [a, b].map((p, i) => p.evaluate(({ art, namespace, backend, guest }) => (window as unknown as W).wcpEngine.run(art, { guest, namespace, call: 'run', backend, timeLimitMs: 60_000 }), { art: incArtifacts[i], namespace, backend, guest: `counter-${i}` })),
  );
  for (const r of runs) expect(r.trap).toBeUndefined();
  const finals = runs.map((r) => Number(r.result)).sort((x, y) => x - y);
  expect(finals[1]).toBe(400);
  expect(finals[0]).toBeGreaterThanOrEqual(200);
  await close();
});

test('the two-tabs example on a NATS server: two machines, a restart, nothing lost', async ({ browser }) => {
  const [first, second, close] = await twoMachines(browser);
  const useNats = async (page: Page) => {
    await openApp(page);
    await page.getByTestId('settings').click();
    await page.getByTestId('nats-server').fill(nats.ws);
    await page.getByTestId('backend-nats').check();
    await page.getByTestId('settings').click();
    // A loaded CI machine may need more than the default 5 s to instantiate.
    await page.getByTestId('time-limit').fill('30000');
    await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-state', 'connected');
    await expect(page.getByTestId('backend-badge')).toHaveAttribute('aria-label', new RegExp(nats.ws));
  };
  await useNats(first);
  await runExample(first, 'msg-two-tabs');
  await expect.poll(() => consoleText(first), { timeout: 45_000 }).toMatch(/listener\s+chat\.lobby: hello from speaker #1/);

  await useNats(second);
  await runExample(second, 'msg-two-tabs');
  await expect.poll(() => consoleText(second), { timeout: 45_000 }).toMatch(/run\(\) → 2/);
  // The first machine's listener hears the second machine's speaker.
  await expect.poll(() => consoleText(first)).toMatch(/listener\s+chat\.lobby: hello from speaker #2/);
  await first.screenshot({ path: 'test-results/nats-two-machines.png' });
  // The trace marks the other machine's message as having come through NATS, with the
  // broker's delay; the inspector explains it next to the sender's source.
  await first.getByTestId('tab-trace').click();
  const fromB = first.locator('[data-testid="trace-row"][data-kind="message"]', { hasText: 'speaker #2' }).filter({ hasText: 'via NATS' }).first();
  await expect(fromB.locator('.tc-ms')).toHaveText(/\d ms$/);
  await fromB.click();
  await first.getByTestId('tab-inspector').click();
  await expect(first.locator('[data-testid="inspector-field"][data-name="broker delay"] td')).toContainText(/ms through NATS \(sent \d\d:\d\d/);
  // The source names the sending tab (`/wcp/<tab>/<guest>`), not just the guest: the
  // other machine's speaker and this machine's own speaker differ only there.
  const sourceCell = first.locator('[data-testid="inspector-attr"][data-name="source"] td');
  await expect(sourceCell).toHaveText(/^\/wcp\/tab-[a-z0-9]+\/speaker$/);
  const remoteSource = await sourceCell.innerText();
  await first.screenshot({ path: 'test-results/nats-broker-delay.png' });
  await first.getByTestId('tab-trace').click();
  await first.locator('[data-testid="trace-row"][data-kind="message"]', { hasText: 'speaker #1' }).first().click();
  await first.getByTestId('tab-inspector').click();
  await expect(sourceCell).toHaveText(/^\/wcp\/tab-[a-z0-9]+\/speaker$/);
  expect(await sourceCell.innerText()).not.toBe(remoteSource);
  await first.getByTestId('tab-console').click();

  // The server goes away: both headers say so, and a run fails with the interface's error.
  await nats.stop();
  await expect(first.getByTestId('backend-badge')).toHaveAttribute('data-state', 'disconnected');
  await expect(second.getByTestId('backend-badge')).toHaveAttribute('data-state', /disconnected|failed/);
  await second.getByTestId('run').click();
  await expect.poll(() => consoleText(second), { timeout: 45_000 }).toMatch(/NATS server/);
  await second.screenshot({ path: 'test-results/nats-disconnected.png' });

  // Back on the same store: reconnects by itself, the counter continues at 3 and the
  // first machine's listener (resubscribed) hears it.
  await nats.start();
  await expect(first.getByTestId('backend-badge')).toHaveAttribute('data-state', 'connected', { timeout: 45_000 });
  // The badge is the page's own connection. The listener's run worker has another one, which
  // retries on its own timer (every 500 ms plus jitter, connectNats.ts), and core NATS hands a
  // message only to subscribers connected when it is published: give that connection its
  // retry before the other machine speaks (a full run of stop 26 failed here once without it).
  await first.waitForTimeout(1500);
  await second.getByTestId('run').click();
  await expect.poll(() => consoleText(second), { timeout: 45_000 }).toMatch(/run\(\) → 3/);
  await expect.poll(() => consoleText(first), { timeout: 45_000 }).toMatch(/listener\s+chat\.lobby: hello from speaker #3/);
  await close();
});

// job-board sends job-00 … job-99 instead of six jobs (two-digit payloads, so each is unique).
const hundredJobs = (wat: string) =>
  wat
    .replace('(i32.store8 (i32.const 68) (i32.add (i32.const 48) (local.get $n)))', '(i32.store8 (i32.const 68) (i32.add (i32.const 48) (i32.div_u (i32.sub (local.get $n) (i32.const 1)) (i32.const 10)))) (i32.store8 (i32.const 69) (i32.add (i32.const 48) (i32.rem_u (i32.sub (local.get $n) (i32.const 1)) (i32.const 10))))')
    .replace('(call $message_new (i32.const 64) (i32.const 5))', '(call $message_new (i32.const 64) (i32.const 6))')
    .replace('(call $put (i32.const 64) (i32.const 5))', '(call $put (i32.const 64) (i32.const 6))')
    .replace('(br_if $next (i32.lt_u (local.get $n) (i32.const 6)))', '(br_if $next (i32.lt_u (local.get $n) (i32.const 100)))');

test('a queue group splits 100 jobs between machines, and other NATS clients speak CloudEvents with the playground', async ({ browser }) => {
  const backend = { kind: 'nats', servers: nats.ws };
  const namespace = freshNamespace('nats-q');
  const [a, b, close] = await twoMachines(browser);
  await Promise.all([openEngine(a), openEngine(b)]);
  const guests = await a.evaluate(() => (window as unknown as W).wcpEngine.exampleGuests('msg-work-queue'));
  const worker = guests.find((g) => !g.call)!;
  const board = guests.find((g) => g.call)!;
  const serveWorker = (p: Page, name: string) =>
    p.evaluate(
      async ({ g, name, namespace, backend }) => {
        const e = (window as unknown as W).wcpEngine;
        return e.serve(name, (await e.build(g.wit, 'wat', g.source)).artifact, { namespace, subscriptions: ['queue:jobs', 'orders.*'], backend, timeLimitMs: 30_000 });
      },
      { g: worker, name, namespace, backend },
    );
  expect(await Promise.all([serveWorker(a, 'worker-a'), serveWorker(b, 'worker-b')])).toEqual(['serving', 'serving']);

  // A Node service on plain NATS listens to a playground topic.
  const node = await connectNode({ servers: nats.nats });
  const heard: CloudEvent<unknown>[] = [];
  const sub = node.subscribe('jobs', {
    callback: (_err, msg) => {
      const hdrs: Record<string, string> = {};
      for (const k of msg.headers?.keys() ?? []) hdrs[k.toLowerCase()] = msg.headers!.get(k);
      heard.push(HTTP.toEvent({ headers: hdrs, body: Buffer.from(msg.data) }) as CloudEvent<unknown>);
    },
  });
  await node.flush();

  const sent = await a.evaluate(
    async ({ g, namespace, backend }) => {
      const e = (window as unknown as W).wcpEngine;
      return e.run((await e.build(g.wit, 'wat', g.source)).artifact, { guest: 'job-board', namespace, call: 'run', backend, timeLimitMs: 60_000 });
    },
    { g: { ...board, source: hundredJobs(board.source) }, namespace, backend },
  );
  expect(sent.trap).toBeUndefined();
  expect(Number(sent.result)).toBe(100);
  const took = async () => {
    const logs = await Promise.all([a, b].map((p, i) => p.evaluate((n) => (window as unknown as W).wcpEngine.served(n)?.logs ?? [], `worker-${'ab'[i]}`)));
    return logs.map((l) => l.filter((line) => /took job-\d\d/.test(line)).map((line) => /job-\d\d/.exec(line)![0]));
  };
  await expect.poll(async () => (await took()).flat().length, { timeout: 60_000 }).toBe(100);
  const [byA, byB] = await took();
  // None lost, none doubled, and both machines took a share.
  expect(new Set([...byA, ...byB]).size).toBe(100);
  expect(byA.length).toBeGreaterThan(0);
  expect(byB.length).toBeGreaterThan(0);

  // The Node side decoded every job with the cloudevents SDK (binary mode: ce- headers).
  expect(heard).toHaveLength(100);
  expect(heard[0].specversion).toBe('1.0');
  expect(heard[0].source).toMatch(/\/job-board$/);
  expect(heard[0].datacontenttype).toBe('text/plain');
  expect(Buffer.from(heard[0].data as Uint8Array).toString()).toBe('job-00');
  sub.unsubscribe();

  // A CloudEvent published by the Node service reaches a playground handler (orders.*).
  const h = natsHeaders();
  const ce = { 'ce-specversion': '1.0', 'ce-id': 'node-1', 'ce-source': '/node/billing', 'ce-type': 'com.example.invoice', 'content-type': 'text/plain' };
  for (const [k, v] of Object.entries(ce)) h.set(k, v);
  node.publish('orders.invoiced', 'invoice 7', { headers: h });
  await node.flush();
  const heardBy = async () => (await Promise.all([a, b].map((p, i) => p.evaluate((n) => (window as unknown as W).wcpEngine.served(n)?.logs ?? [], `worker-${'ab'[i]}`)))).flat();
  await expect.poll(async () => (await heardBy()).filter((l) => l.includes('invoice 7')).length).toBe(2);
  await node.close();
  await close();
});

test('request-reply with two repliers, a compare-and-swap race and a 5 MB blob cross machines', async ({ browser }) => {
  const backend = { kind: 'nats', servers: nats.ws };
  const namespace = freshNamespace('nats-rr');
  const [a, b, close] = await twoMachines(browser);
  await Promise.all([openEngine(a), openEngine(b)]);
  // Builds and runs one WAT guest on a page; u64 results come back as decimal strings.
  const runOn = (p: Page, guest: string, wit: string, wat: string) =>
    p.evaluate(
      async ({ guest, wit, wat, namespace, backend }) => {
        const e = (window as unknown as W).wcpEngine;
        const r = await e.run((await e.build(wit, 'wat', wat)).artifact, { guest, namespace, call: 'run', backend, timeLimitMs: 60_000 });
        return { trap: r.trap, result: String(r.result), logs: r.logs };
      },
      { guest, wit, wat, namespace, backend },
    );

  // Request-reply: a shouter on each machine answers "greet"; the asker on A expects two
  // replies, so it returns as soon as both arrive rather than at its 20 s timeout.
  const guests = await a.evaluate(() => (window as unknown as W).wcpEngine.exampleGuests('msg-request-reply'));
  const shouter = guests.find((g) => g.name === 'shouter')!;
  const asker = guests.find((g) => g.name === 'asker')!;
  const serveShouter = (p: Page, name: string) =>
    p.evaluate(
      async ({ g, name, namespace, backend }) => {
        const e = (window as unknown as W).wcpEngine;
        return e.serve(name, (await e.build(g.wit, 'wat', g.source)).artifact, { namespace, subscriptions: ['greet'], backend, timeLimitMs: 30_000 });
      },
      { g: shouter, name, namespace, backend },
    );
  expect(await Promise.all([serveShouter(a, 'shouter-a'), serveShouter(b, 'shouter-b')])).toEqual(['serving', 'serving']);
  const expectTwo = asker.source
    .replace(
      '(import "wasi:messaging/request-reply@0.2.0-draft" "request"',
      '(import "wasi:messaging/request-reply@0.2.0-draft" "[method]request-options.set-expected-replies" (func $set_expected (param i32 i32)))\n  (import "wasi:messaging/request-reply@0.2.0-draft" "request"',
    )
    .replace('(call $set_timeout (local.get $options) (i32.const 1000))', '(call $set_timeout (local.get $options) (i32.const 20000)) (call $set_expected (local.get $options) (i32.const 2))');
  expect(expectTwo).toContain('$set_expected (local.get');
  const started = Date.now();
  const asked = await runOn(a, 'asker', asker.wit, expectTwo);
  expect(asked.trap).toBeUndefined();
  expect(asked.result).toBe('2');
  expect(asked.logs.filter((l) => l.includes('reply: HELLO, WASI'))).toHaveLength(2);
  expect(Date.now() - started).toBeLessThan(20_000);
  // Each shouter answered once: the two replies came from the two machines. A shouter's trace
  // reaches its page in the worker's next trace batch, which may land after the asker's result.
  for (const [p, n] of [[a, 'shouter-a'], [b, 'shouter-b']] as const) {
    const replies = () => p.evaluate((n) => ((window as unknown as W).wcpEngine.served(n)?.events ?? []).filter((e) => e.kind === 'message' && e.action === 'reply').length, n);
    await expect.poll(replies, { timeout: 5_000 }).toBe(1);
  }

  // Compare-and-swap from both machines at once: 2 × 50 increments, no update lost.
  const cas = await Promise.all([a, b].map((p, i) => runOn(p, `cas-${i}`, casWit, casWat)));
  for (const r of cas) expect(r.trap).toBeUndefined();
  const last = cas.map((r) => BigInt(r.result) & 0xffffffffn).sort((x, y) => Number(x - y));
  expect(last[1]).toBe(100n);
  expect(last[0]).toBeGreaterThanOrEqual(50n);

  // Blobstore: A streams a 5 MB object in; B reads an inclusive range up to the last byte.
  const wrote = await runOn(a, 'blob-writer', blobWit, blobWriterWat);
  expect(wrote.trap).toBeUndefined();
  expect(Number(wrote.result)).toBe(blobSize);
  const [start, end] = [1_000_001, blobSize - 1];
  const read = await runOn(b, 'blob-reader', blobWit, blobReaderWat(start, end));
  expect(read.trap).toBeUndefined();
  const bytes = BigInt(read.result);
  expect({ length: Number(bytes & 0xffffffffn), mismatches: Number(bytes >> 32n) }).toEqual({ length: end - start + 1, mismatches: 0 });
  expect(blobByte(start)).not.toBe(blobByte(start + 1));

  await close();
});
