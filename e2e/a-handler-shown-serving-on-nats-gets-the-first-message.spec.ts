import { expect, test } from '@playwright/test';
import { connect as connectNode, headers } from '@nats-io/transport-node';
import { freshNamespace, openEngine } from './engineHelpers';
import { useNatsServer } from './natsServer';
import { ackHandlerWat, ackHandlerWit } from './natsAckGuests';

// A guest shown serving (its worker posted "instantiated") is where the page starts the
// producers, in workers with connections of their own. On NATS an at-least-once handler is a
// JetStream consumer group the server creates on request; a message sent before it existed
// never reached the group. Here a plain NATS client sends the instant the page says serving.

type W = {
  wcpEngine: {
    build(wit: string, lang: string, source: string): Promise<{ artifact: unknown }>;
    serve(name: string, artifact: unknown, opts: object): Promise<string>;
    served(name: string): { logs: string[]; state?: string } | undefined;
  };
};

const nats = useNatsServer();

test('a handler on a NATS server gets the message sent the instant it is shown serving', async ({ page }) => {
  await openEngine(page);
  const node = await connectNode({ servers: nats.nats });
  const namespace = freshNamespace('nats-ready');
  await page.evaluate(async ({ wit, wat }) => {
    const e = (window as unknown as W).wcpEngine;
    (window as unknown as { acker: unknown }).acker = (await e.build(wit, 'wat', wat)).artifact;
  }, { wit: ackHandlerWit, wat: ackHandlerWat(false) });
  try {
    // Three handlers, one after another, each a new consumer group on a topic of its own.
    for (const round of [1, 2, 3]) {
      const topic = `ready.jobs${round}`;
      const state = await page.evaluate(
        ({ name, namespace, topic, servers }) => {
          const e = (window as unknown as W).wcpEngine;
          const artifact = (window as unknown as { acker: unknown }).acker;
          return e.serve(name, artifact, { namespace, subscriptions: [topic], backend: { kind: 'nats', servers }, timeLimitMs: 60_000 });
        },
        { name: `acker${round}`, namespace, topic, servers: nats.ws },
      );
      expect(state).toBe('serving');
      const h = headers();
      for (const [k, v] of Object.entries({ 'ce-specversion': '1.0', 'ce-id': `first-${round}`, 'ce-source': '/node/producer', 'ce-type': 'job', 'content-type': 'text/plain' })) h.set(k, v);
      node.publish(topic, `job${round}`, { headers: h });
      await node.flush();
      await expect
        .poll(() => page.evaluate((n) => (window as unknown as W).wcpEngine.served(n)?.logs.join('\n') ?? '', `acker${round}`), { timeout: 15_000 })
        .toMatch(new RegExp(`acked +job${round}`));
    }
  } finally {
    await node.close();
  }
});
