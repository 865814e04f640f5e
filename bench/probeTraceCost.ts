/**
 * Node probe of the trace path of one replayed message, without a browser: a traced
 * `consumer.receive` (timeout 0) answering [offset, message], a traced `message.data`, the
 * host's `deliver` message event, the batch writer, and the structured clone of each batch
 * (v8.serialize/deserialize, the serializer postMessage uses) plus the page's decode.
 * Prints CPU µs per message for the worker side and the page side.
 * Bundle and run: npx rolldown bench/probeTraceCost.ts --platform node -o /tmp/probe.mjs && node /tmp/probe.mjs
 */
import { serialize, deserialize } from 'node:v8';
import { wrapInterface } from '../src/runtime/wrapInterface';
import { createTraceQueue } from '../src/runtime/createTraceQueue';
import { decodeTraceBatch } from '../src/trace/decodeTraceBatch';
import { createEnvelope } from '../src/hosts/messaging/createEnvelope';
import type { TraceBatch } from '../src/trace/traceBatch';

const N = 10_000;
const data = new TextEncoder().encode('payload-of-32-bytes.............');
const envelopes = Array.from({ length: N }, () => createEnvelope({ topic: 'bench.replay', tab: 'bench', guest: 'seed' }));

class Message {
  constructor(readonly bytes: Uint8Array) {}
  data(): Uint8Array { return this.bytes; }
}
class Consumer {
  at = 0;
  constructor(readonly topic: string, readonly emit: (e: never) => void) {}
  get traceTarget() { return { type: 'topic' as const, name: this.topic }; }
  receive(_timeout: bigint): [bigint, Message] | undefined {
    const i = this.at++;
    if (i >= N) return undefined;
    this.emit({ kind: 'message', action: 'deliver', topic: this.topic, envelope: envelopes[i], data, to: 'replayer' } as never);
    return [BigInt(i), new Message(data)];
  }
}

// Classes are patched in place once: each round swaps the queue behind the sink.
let queue: ReturnType<typeof createTraceQueue>;
const sink = (e: Parameters<typeof queue.push>[0]) => queue.push(e);
wrapInterface({ Message } as never, { ifaceId: 'wasi:messaging/types@0.2.0-draft', asyncImports: new Set(), sink });
const C = (wrapInterface({ Consumer } as never, { ifaceId: 'proposal:messaging-ext/offsets@0.1.0', asyncImports: new Set(), sink }) as { Consumer: typeof Consumer }).Consumer;

function round(): { worker: number; page: number } {
  const batches: Buffer[] = [];
  queue = createTraceQueue('replayer', (b: TraceBatch) => batches.push(process.env.NOSER ? (b as never) : serialize(b)));
  const c = new C('bench.replay', sink);
  const t0 = process.cpuUsage();
  let bytes = 0;
  for (;;) {
    const r = c.receive(0n);
    if (!r) break;
    bytes += r[1].data().length;
  }
  queue.flush();
  const t1 = process.cpuUsage(t0);
  let events = 0;
  const p0 = process.cpuUsage();
  for (const b of batches) events += decodeTraceBatch((process.env.NOSER ? b : deserialize(b)) as TraceBatch).length;
  const p1 = process.cpuUsage(p0);
  if (bytes !== N * data.length || events < 3 * N) throw new Error(`bad run ${bytes} ${events}`);
  return { worker: (t1.user + t1.system) / N, page: (p1.user + p1.system) / N };
}

const ws: number[] = [];
const ps: number[] = [];
for (let i = 0; i < 15; i++) {
  const r = round();
  if (i >= 3) (ws.push(r.worker), ps.push(r.page));
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
console.log(`worker µs/msg ${med(ws).toFixed(2)} (${Math.min(...ws).toFixed(2)}–${Math.max(...ws).toFixed(2)})  page µs/msg ${med(ps).toFixed(2)} (${Math.min(...ps).toFixed(2)}–${Math.max(...ps).toFixed(2)})`);
