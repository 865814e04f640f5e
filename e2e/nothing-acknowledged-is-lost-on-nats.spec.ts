import { expect, test, type Browser, type Page } from '@playwright/test';
import { connect as connectNode } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { freshNamespace, openEngine } from './engineHelpers';
import { useNatsServer } from './natsServer';
import { ackHandlerWat, ackHandlerWit, pulseWat, pulseWit } from './natsAckGuests';

// proposal:messaging-ext on a real nats-server (JetStream): at-least-once handlers are
// consumer groups kept by the server, topic logs are a stream. Two browser contexts share
// no IndexedDB or BroadcastChannel, so whatever crosses went through the server.

type Guest = { name: string; wit: string; source: string; call?: string };
type Event = { kind: string; action?: string; envelope?: Record<string, string>; transit?: { via: string; ms: number } };
type Engine = {
  build(wit: string, lang: string, source: string): Promise<{ artifact: unknown }>;
  run(artifact: unknown, opts: object): Promise<{ state: string; result: unknown; trap?: string; logs: string[] }>;
  serve(name: string, artifact: unknown, opts: object): Promise<string>;
  served(name: string): { logs: string[]; events: Event[] } | undefined;
  exampleGuests(id: string): Guest[];
};
type W = { wcpEngine: Engine };

// A real nats-server on loopback for this file (longer test timeout: see useNatsServer).
const nats = useNatsServer();

async function machine(browser: Browser): Promise<[Page, () => Promise<void>]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openEngine(page);
  return [page, () => context.close()];
}

const serveOn = (p: Page, name: string, wit: string, wat: string, namespace: string, subscriptions: string[]) =>
  p.evaluate(
    async ({ name, wit, wat, namespace, subscriptions, servers }) => {
      const e = (window as unknown as W).wcpEngine;
      return e.serve(name, (await e.build(wit, 'wat', wat)).artifact, { namespace, subscriptions, backend: { kind: 'nats', servers }, timeLimitMs: 150_000 });
    },
    { name, wit, wat, namespace, subscriptions, servers: nats.ws },
  );

const runOn = (p: Page, guest: string, g: { wit: string; source: string }, namespace: string) =>
  p.evaluate(
    async ({ guest, g, namespace, servers }) => {
      const e = (window as unknown as W).wcpEngine;
      const r = await e.run((await e.build(g.wit, 'wat', g.source)).artifact, { guest, namespace, call: 'run', backend: { kind: 'nats', servers }, timeLimitMs: 90_000 });
      return { state: r.state, trap: r.trap, result: String(r.result), logs: r.logs };
    },
    { guest, g, namespace, servers: nats.ws },
  );

const servedOn = (p: Page, name: string) => p.evaluate((n) => (window as unknown as W).wcpEngine.served(n) ?? { logs: [], events: [] }, name);

test('a handler machine closed mid-delivery without acking: the message goes to the other machine', async ({ browser }) => {
  const namespace = freshNamespace('nats-ack');
  const stream = `${namespace}-msgs`;
  const node = await connectNode({ servers: nats.nats });
  const jsm = await jetstreamManager(node);
  const [a, closeA] = await machine(browser);
  const [b, closeB] = await machine(browser);

  // A joins the work queue first and takes the job, then holds it without acking.
  expect(await serveOn(a, 'holder', ackHandlerWit, ackHandlerWat(true), namespace, ['queue:work'])).toBe('serving');
  // The group exists on the server once A's consumer is set up (the stream is created with it).
  await expect.poll(async () => (await jsm.consumers.list(stream).next().catch(() => [])).length, { timeout: 30_000 }).toBe(1);
  node.publish('work', 'job-7');
  await node.flush();
  await expect.poll(async () => (await servedOn(a, 'holder')).logs.join('\n'), { timeout: 30_000 }).toContain('holding job-7');

  // B joins the same group. A is alive and heartbeating, so even past the 10 s ack wait
  // the job stays with A: a slow handler is not a dead one.
  expect(await serveOn(b, 'finisher', ackHandlerWit, ackHandlerWat(false), namespace, ['queue:work'])).toBe('serving');
  await b.waitForTimeout(12_000);
  expect((await servedOn(b, 'finisher')).logs.join('\n')).not.toContain('job-7');

  // A's machine goes away mid-delivery. When the ack wait ends the server hands the job to B.
  await closeA();
  await expect.poll(async () => (await servedOn(b, 'finisher')).logs.join('\n'), { timeout: 40_000 }).toContain('acked   job-7');
  const deliver = (await servedOn(b, 'finisher')).events.find((e) => e.kind === 'message' && e.action === 'deliver');
  expect(deliver?.envelope?.redelivery).toBe('1');
  // The trace shows the broker's delay (from the server's store time: the Node client sent
  // no CloudEvents time): here the job waited out A's ack wait (10 s).
  expect(deliver?.transit?.via).toBe('NATS');
  expect(deliver?.transit?.ms).toBeGreaterThanOrEqual(10_000);
  await expect.poll(async () => (await servedOn(b, 'finisher')).events.some((e) => e.kind === 'message' && e.action === 'ack')).toBe(true);

  // Acked for good: nothing pending or unacknowledged is left in the group.
  const [group] = await jsm.consumers.list(stream).next();
  expect({ pending: group.num_pending, unacked: group.num_ack_pending }).toEqual({ pending: 0, unacked: 0 });
  await closeB();
  await node.close();
});

test('the server restarts during a run: calls fail fast with the interface error, then key-value data and the topic log are intact', async ({ browser }) => {
  const namespace = freshNamespace('nats-restart');
  const [a, closeA] = await machine(browser);
  const [b, closeB] = await machine(browser);
  const example = await a.evaluate(() => (window as unknown as W).wcpEngine.exampleGuests('proposal-pull-and-replay'));
  const sensor = example.find((g) => g.name === 'sensor')!;
  const dashboard = example.find((g) => g.name === 'dashboard')!;

  // Before the restart: three readings go to the topic log (the stream) from A.
  const sensed = await runOn(a, 'sensor', sensor, namespace);
  expect(sensed.trap).toBeUndefined();

  // A guest beats a counter every 100 ms; the server stops under it and comes back.
  const pulse = runOn(a, 'pulse', { wit: pulseWit, source: pulseWat }, namespace);
  const watcher = await connectNode({ servers: nats.nats });
  const beatsNow = async () => {
    const bucket = await new Kvm(watcher).open(`${namespace}-kv-pulse`).catch(() => undefined);
    return Number((await bucket?.get('beats').catch(() => null))?.string() ?? 0);
  };
  // Stop only once the guest is connected and beating (a loaded machine starts workers slowly).
  await expect.poll(beatsNow, { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
  await watcher.close();
  await nats.stop();
  await a.waitForTimeout(3_000);
  await nats.start();
  const beat = await pulse;
  expect(beat.trap).toBeUndefined();
  const [ok, errors] = [Number(BigInt(beat.result) >> 32n), Number(BigInt(beat.result) & 0xffffffffn)];
  // Calls made while disconnected returned wasi:keyvalue's error at once (several of
  // them in 3 s, so none hung), naming the server; then the guest carried on.
  expect(errors).toBeGreaterThanOrEqual(5);
  expect(ok).toBeGreaterThanOrEqual(2);
  expect(beat.logs.join('\n')).toMatch(/NATS[^\n]*ws:\/\/127\.0\.0\.1:\d+/);

  // After the restart: every acknowledged increment is in the bucket (one more at most:
  // an increment in flight at the stop may have landed without its reply)...
  const node = await connectNode({ servers: nats.nats });
  const kv = await new Kvm(node).open(`${namespace}-kv-pulse`);
  const beats = Number((await kv.get('beats'))!.string());
  expect(beats).toBeGreaterThanOrEqual(ok);
  expect(beats).toBeLessThanOrEqual(ok + 1);
  await node.close();

  // ...and the other machine replays the sensor's readings from offset 0 of the topic log.
  const replay = await runOn(b, 'dashboard', dashboard, namespace);
  expect(replay.trap).toBeUndefined();
  const replayed = replay.logs.filter((l) => /offset \d+: /.test(l));
  expect(replayed.length).toBe(Number(replay.result));
  // The sensor's three readings (stored before the restart), then the dashboard's own.
  expect(replayed.map((l) => l.replace(/^.*offset \d+: /, ''))).toEqual(['21.5 °C', '21.7 °C', '22.0 °C', '22.4 °C (dashboard self-test)']);
  expect(replay.logs.join('\n')).toMatch(/some: 22\.4 °C/);
  await closeA();
  await closeB();
});
