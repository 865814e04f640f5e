import { expect, test, type Browser, type Page } from '@playwright/test';
import { freshNamespace, openEngine, twoMachines } from './engineHelpers';
import { useNatsServer } from './natsServer';
import { connect as connectNode } from '@nats-io/transport-node';
import { Objm } from '@nats-io/obj';
import { objectStoreName } from '../src/hosts/backend/nats/natsNames';

// WASI 0.3 (async ABI) guests on the NATS backend, in two browser contexts that share no
// IndexedDB and no BroadcastChannel: whatever crosses between them went through the real
// server. The 0.3 hosts reach storage and the bus through the same backend seam as 0.2.

type Guest = { name: string; wit: string; source: string; call?: string; subscriptions?: string[] };
type Engine = {
  build(wit: string, lang: string, source: string): Promise<{ artifact: unknown }>;
  run(artifact: unknown, opts: object): Promise<{ state: string; result: unknown; trap?: string; logs: string[] }>;
  serve(name: string, artifact: unknown, opts: object): Promise<string>;
  served(name: string): { logs: string[] } | undefined;
  exampleGuests(id: string): Guest[];
};
type W = { wcpEngine: Engine };

// A real nats-server on loopback for this file (longer test timeout: see useNatsServer).
const nats = useNatsServer();

/** Two machines with the engine harness open on both. */
async function twoEngines(browser: Browser): Promise<[Page, Page, () => Promise<void>]> {
  const [a, b, close] = await twoMachines(browser);
  await Promise.all([openEngine(a), openEngine(b)]);
  return [a, b, close];
}

/** Builds one guest of an example in `page` and runs (or serves) it on NATS. */
async function runGuest(page: Page, example: string, name: string, opts: { namespace: string; servers: string; serve?: boolean }) {
  return page.evaluate(
    async ({ example, name, namespace, servers, serve }) => {
      const e = (window as unknown as W).wcpEngine;
      const g = e.exampleGuests(example).find((x) => x.name === name)!;
      const { artifact } = await e.build(g.wit, 'wat', g.source);
      const backend = { kind: 'nats', servers };
      if (serve) return e.serve(name, artifact, { namespace, subscriptions: g.subscriptions ?? [], backend, timeLimitMs: 60_000 });
      return e.run(artifact, { guest: name, namespace, call: g.call, backend, timeLimitMs: 60_000 });
    },
    { example, name, ...opts },
  );
}

test('a 0.3 responder on one machine answers three overlapping 0.3 requests from another', async ({ browser }) => {
  const namespace = freshNamespace('p3-nats');
  const [a, b, close] = await twoEngines(browser);
  expect(await runGuest(a, 'p3-request-reply', 'responder-p3', { namespace, servers: nats.ws, serve: true })).toBe('serving');
  // Give the responder's subscription a moment to reach the server before asking.
  await a.waitForTimeout(300);
  const asked = (await runGuest(b, 'p3-request-reply', 'asker-p3', { namespace, servers: nats.ws })) as { result: unknown; trap?: string; logs: string[] };
  expect(asked.trap, asked.logs.join('\n')).toBeUndefined();
  expect(asked.result).toBe('APPLES PEARS PLUMS');
  await expect.poll(async () => (await a.evaluate(() => (window as unknown as W).wcpEngine.served('responder-p3')))?.logs.join('\n') ?? '').toMatch(/replied APPLES/);
  await close();
});

test('0.2 and 0.3 counters on two machines count on one NATS key-value bucket', async ({ browser }) => {
  const namespace = freshNamespace('p3-kv-nats');
  const [a, b, close] = await twoEngines(browser);
  const counts: number[] = [];
  for (const [page, name] of [[a, 'counter-p3'], [b, 'counter'], [b, 'counter-p3'], [a, 'counter']] as const) {
    const r = (await runGuest(page, 'p3-counter', name, { namespace, servers: nats.ws })) as { result: unknown; trap?: string; logs: string[] };
    expect(r.trap, r.logs.join('\n')).toBeUndefined();
    counts.push(Number(r.result));
  }
  // One shared count across both ABIs and both machines.
  expect(counts).toEqual([counts[0], counts[0] + 1, counts[0] + 2, counts[0] + 3]);
  await close();
});

test('a 0.3 guest streams a blob into the NATS object store, where any NATS client reads it', async ({ browser }) => {
  const namespace = freshNamespace('p3-blob-nats');
  const [a, , close] = await twoEngines(browser);
  const copied = (await runGuest(a, 'p3-blob-stream', 'copier-p3', { namespace, servers: nats.ws })) as { result: unknown; trap?: string; logs: string[] };
  expect(copied.trap, copied.logs.join('\n')).toBeUndefined();
  expect(String(copied.result)).toMatch(/wrote 128 bytes.*copied 96 bytes from offset 32/);
  // A plain Node NATS client (not the playground) finds both objects in the container's
  // object store: copy.txt is source.txt from byte 32 on.
  const nc = await connectNode({ servers: nats.nats });
  try {
    const os = await new Objm(nc).open(objectStoreName(namespace, 'media'));
    const bytesOf = async (name: string) => new Uint8Array(await new Response((await os.get(name))!.data).arrayBuffer());
    const [source, copy] = [await bytesOf('source.txt'), await bytesOf('copy.txt')];
    expect(source.length).toBe(128);
    expect([...copy]).toEqual([...source.subarray(32)]);
  } finally {
    await nc.close();
  }
  await close();
});
