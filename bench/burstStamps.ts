import { startGuest, type BuildArtifact, type TraceEvent } from '../src/index';
import { BURSTS, PER_BURST, rawRun } from './benchMessaging';
import { collectLatProbe, spreadOf } from './collectLatProbe';

/** Mean and p50 of a list of ms values (the mean resolves below performance.now's 0.1 ms step). */
export interface Spread {
  mean: number;
  p50: number;
}

/**
 * Where the messages of a paced burst wait (not a figure; for the p50 analysis): one paced
 * run (BURSTS bursts of PER_BURST) with the trace's send, deliver and ack stamps of each
 * message, by position k in its burst:
 * - `latency`: send → deliver (what messaging.p50 measures);
 * - `call`: deliver → ack, the handler call (incoming-handler.handle and its bookkeeping);
 * - `afterPrevious`: for k > 0, ack of message k−1 → deliver of k: a message that arrived
 *   while the call before it ran is delivered right after that call, so ≈ 0 here and
 *   `latency` − `latency[0]` ≈ the calls before it means the message waited for them;
 * - `sendGap`: send of k−1 → send of k (how far apart the burst was sent);
 * - `probe`: per-hop steps (collectLatProbe.ts; {} unless the build carries bench/latProbe.patch);
 * - `raw`, `p50`: a raw BroadcastChannel pair at the same offered load right after, by
 *   position, and both p50s (the figure's comparison, in one page and one moment).
 * Stamps are performance.now() in the workers (0.1 ms steps here): means are the finer figure.
 */
export async function burstStamps(producer: BuildArtifact, handler: BuildArtifact) {
  const namespace = `bench-stamps-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const at = new Map<string, { send?: number; deliver?: number; ack?: number }>();
  const onTrace = (events: TraceEvent[]) => {
    for (const e of events) {
      if (e.kind !== 'message' || e.topic !== 'bench.msg') continue;
      if (e.action !== 'send' && e.action !== 'deliver' && e.action !== 'ack') continue;
      const id = String(e.envelope.id);
      const s = at.get(id) ?? at.set(id, {}).get(id)!;
      s[e.action] = e.at;
    }
  };
  const total = BURSTS * PER_BURST;
  const h = startGuest(handler, { config: { guest: 'sink', namespace, subscriptions: ['bench.>'], buckets: [] }, timeLimitMs: 60_000 }, { onTrace });
  await h.settled;
  const p = startGuest(producer, { config: { guest: 'source', namespace, subscriptions: [], buckets: [] }, call: { name: 'paced', args: [BURSTS, PER_BURST] }, timeLimitMs: 120_000 }, { onTrace });
  await p.settled;
  const acked = () => [...at.values()].filter((s) => s.ack !== undefined).length;
  for (let i = 0; acked() < total; i++) {
    if (i > 1200) throw new Error(`only ${acked()} of ${total} messages were acked`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const sendOrder = [...at.entries()].sort((a, b) => a[1].send! - b[1].send!).map(([id]) => id);
  const probe = await collectLatProbe(sendOrder, new Map([...at].flatMap(([id, s]) => (s.deliver === undefined ? [] : [[id, s.deliver] as [string, number]]))), PER_BURST);
  h.stop();
  // The raw pair right after, at the guest's offered load: send → receive by position.
  const sends = [...at.values()].map((x) => x.send!);
  const offered = (total / (Math.max(...sends) - Math.min(...sends))) * 1000;
  const raw = await rawRun(BURSTS, PER_BURST, (PER_BURST / offered) * 1000);
  const order = [...at.values()].sort((a, b) => a.send! - b.send!);
  const spread = (xs: number[]): Spread => {
    const s = [...xs].sort((a, b) => a - b);
    return { mean: Math.round((s.reduce((a, b) => a + b, 0) / s.length) * 1000) / 1000, p50: s[Math.floor(s.length / 2)]! };
  };
  // Per position in the burst; `withinBurst` figures compare with the message before (none for k = 0).
  const byPosition = (f: (i: number) => number, withinBurst = false) =>
    Array.from({ length: PER_BURST }, (_, k) => (withinBurst && k === 0 ? null : spread(order.map((_, i) => i).filter((i) => i % PER_BURST === k).map(f))));
  return {
    latency: byPosition((i) => order[i]!.deliver! - order[i]!.send!),
    call: byPosition((i) => order[i]!.ack! - order[i]!.deliver!),
    afterPrevious: byPosition((i) => order[i]!.deliver! - order[i - 1]!.ack!, true),
    sendGap: byPosition((i) => order[i]!.send! - order[i - 1]!.send!, true),
    probe,
    raw: Array.from({ length: PER_BURST }, (_, k) => spreadOf(raw.lat.filter((_, i) => i % PER_BURST === k))),
    p50: { guest: spreadOf(order.map((s) => s.deliver! - s.send!)).p50, raw: spreadOf(raw.lat).p50 },
  };
}
