import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createTestGuest, waitFor } from '../../messaging/createTestGuest';
import type { Message } from '../../messaging/messageTypes';
import { createExtGuest, textOf, utf8 } from '../../proposals/messagingExt/testGuests';
import { createNatsExtGuest, heldOnServer, haveNatsServer } from './testNatsServer';
import { useBothBackends } from './useBothBackends';

// A guest in two work queues whose patterns both match a message (`queue:jobs.*` and
// `queue:jobs.>`) handles it once on the browser: it claims it in each queue it wins and
// runs its handler for the first. On NATS each queue group hands the guest its own copy: the
// core bus's copy filter admits one (natsCopies.ts), StreamDelivery acks the second group's.

const serverOf = useBothBackends();
let n = 0;

for (const backend of ['browser', 'nats'] as const) {
  for (const acks of [false, true]) {
    describe.skipIf(backend === 'nats' && !haveNatsServer)(`two work queues of one guest (${backend}, ${acks ? 'acks' : 'plain'})`, () => {
      it('hand it a message both match once', async () => {
        const ns = `tq${backend[0]}${acks ? 'a' : 'p'}${process.pid}n${++n}`;
        const topic = `jobs${n}`;
        const seen: string[] = [];
        const subscriptions = [`queue:${topic}.*`, `queue:${topic}.>`];
        const handle = (m: Message) => void seen.push(textOf(m));
        let send: (t: string, text: string) => void;
        if (backend === 'nats') {
          await createNatsExtGuest(serverOf(), ns, 'worker', { subscriptions, handle, acks, leaseMs: 600 });
          const p = await createNatsExtGuest(serverOf(), ns, 'producer', { acks: false });
          send = (t, text) => p.imports.producer.send(p.client, t, new p.imports.types.Message(utf8(text)));
        } else if (acks) {
          await createExtGuest(ns, 'worker', { subscriptions, handle, leaseMs: 600 });
          const p = await createExtGuest(ns, 'producer');
          send = (t, text) => p.imports.producer.send(p.client, t, new p.imports.types.Message(utf8(text)));
        } else {
          await createTestGuest(ns, 'worker', { subscriptions, exports: { incomingHandler: { handle } } });
          const p = await createTestGuest(ns, 'producer');
          const client = p.imports.types.Client.connect('c');
          send = (t, text) => p.imports.producer.send(client, t, new p.imports.types.Message(utf8(text)));
        }
        for (const t of ['a', 'b', 'c']) send(`${topic}.x`, t);
        await waitFor(() => seen.length >= 3, 'deliveries', 8000);
        await new Promise((r) => setTimeout(r, acks ? 1500 : 500));
        expect(seen.sort()).toEqual(['a', 'b', 'c']);
        // Both groups' copies settled on the server: the second group's acked unhandled.
        if (backend === 'nats' && acks) expect(Object.values(await heldOnServer(serverOf(), ns)).filter((held) => held > 0)).toEqual([]);
      }, 20_000);
    });
  }
}
