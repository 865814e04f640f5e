import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createTestGuest, waitFor } from '../../messaging/createTestGuest';
import type { Message } from '../../messaging/messageTypes';
import { createExtGuest, textOf, utf8 } from '../../proposals/messagingExt/testGuests';
import { createNatsExtGuest, haveNatsServer } from './testNatsServer';
import { useBothBackends } from './useBothBackends';

// A message sent twice (a `duplicate` fault, a client's retry) to a work queue is two
// messages for the queue: each is handled, by one member, on both backends. (The tests'
// guests share one IndexedDB, as the workers of one browser do.)

const serverOf = useBothBackends();
let n = 0;

for (const backend of ['browser', 'nats'] as const) {
  describe.skipIf(backend === 'nats' && !haveNatsServer)(`a work queue of two members in one browser (${backend})`, () => {
    it('handles both copies of a message sent twice', async () => {
      const ns = `qd${backend[0]}${process.pid}n${++n}`;
      const topic = `jobs${n}`;
      const seen: string[] = [];
      const faults = { seed: 7, duplicateProbability: 1 };
      let send: (text: string) => void;
      for (const name of ['worker-a', 'worker-b']) {
        const handle = (m: Message) => void seen.push(textOf(m));
        if (backend === 'nats') await createNatsExtGuest(serverOf(), ns, name, { subscriptions: [`queue:${topic}`], handle, acks: false });
        else await createTestGuest(ns, name, { subscriptions: [`queue:${topic}`], exports: { incomingHandler: { handle } } });
      }
      if (backend === 'nats') {
        const p = await createNatsExtGuest(serverOf(), ns, 'producer', { acks: false, faults });
        send = (text) => p.imports.producer.send(p.client, topic, new p.imports.types.Message(utf8(text)));
      } else {
        const p = await createExtGuest(ns, 'producer', { faults });
        send = (text) => p.imports.producer.send(p.client, topic, new p.imports.types.Message(utf8(text)));
      }
      const texts = ['a', 'b', 'c', 'd', 'e', 'f'];
      for (const t of texts) send(t);
      await waitFor(() => seen.length >= 12, 'both copies of each', 8000).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300));
      expect(seen.sort()).toEqual(texts.flatMap((t) => [t, t]));
    }, 20_000);
  });
}
