import { expect, test } from '@playwright/test';
import { freshNamespace, openEngine } from './engineHelpers';
import { producerWat, producerWit } from '../bench/messagingGuests';

// The message constructor and a BroadcastChannel send answer synchronously, so the guest
// imports them without a JSPI suspension (src/toolchain/syncImports.ts): a guest sending in
// a loop never gives its worker an event-loop turn, not even a microtask checkpoint.
test('a guest sending messages without end is stopped at the time limit; its messages and trace reached the page meanwhile', async ({ page }) => {
  await openEngine(page);
  const namespace = freshNamespace('endless-send');
  const started = Date.now();
  const out = await page.evaluate(
    async ({ wit, wat, namespace }) => {
      const engine = (window as unknown as { wcpEngine: { build: Function; run: Function } }).wcpEngine;
      const { artifact } = await engine.build(wit, 'wat', wat);
      // What another worker or tab sees on the bus while the guest loops: batches (arrays) and single packets.
      let packets = 0;
      let firstAt = 0;
      const channel = new BroadcastChannel(`${namespace}:bus`);
      channel.onmessage = (e: MessageEvent) => {
        firstAt ||= Date.now();
        packets += Array.isArray(e.data) ? e.data.length : 1;
      };
      const t0 = Date.now();
      // u32 max: the loop ends only when the worker is terminated.
      const result = await engine.run(artifact, { call: 'run', args: [4294967295], timeLimitMs: 1500, namespace });
      const endedAt = Date.now();
      await new Promise((r) => setTimeout(r, 200));
      channel.close();
      const sends = (result.events as Array<{ kind: string; fn?: string }>).filter((e) => e.kind === 'call' && e.fn === 'send').length;
      return { state: result.state, trap: result.trap, packets, sends, firstAfterMs: firstAt - t0, endedAfterMs: endedAt - t0 };
    },
    { wit: producerWit, wat: producerWat, namespace },
  );
  expect(out.state).toBe('timeout');
  expect(out.trap).toContain('time limit');
  expect(Date.now() - started).toBeLessThan(20_000);
  // The batches went out while the guest looped, not only when it ended (it never ends).
  expect(out.packets).toBeGreaterThan(1000);
  expect(out.firstAfterMs).toBeLessThan(out.endedAfterMs);
  // Trace batches reached the page during the loop (the worker never got to flush at the end).
  expect(out.sends).toBeGreaterThan(1000);
});
