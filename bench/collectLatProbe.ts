import type { Spread } from './burstStamps';

/** One probe stamp: point name, message (envelope) id, epoch ms (performance.timeOrigin + now). */
type ProbeRow = [string, string, number];

/**
 * Per-hop stamps of a paced run, from a build with bench/latProbe.patch applied (a plain build
 * answers nothing and this returns {}). The patch stamps each message at the producer host's
 * send, the actual postMessage, the receiving worker's message event, the listener, the start
 * of dispatch, the handler call and the export call, with performance.timeOrigin + now() so
 * threads compare; the producer's stamps travel in the packet (its worker ends with its call).
 * Asks every worker on BroadcastChannel 'lat-probe' for its rows before the handler stops.
 * Returns, per pair of consecutive points (sorted by name) and position k in the burst, the
 * mean and p50 of the step; `deliver` (the trace's stamp) is added as point '6zTraceDeliver'.
 */
export async function collectLatProbe(sendOrder: string[], deliverAt: Map<string, number>, perBurst: number): Promise<Record<string, Array<Spread | null>>> {
  const rows: ProbeRow[] = [];
  const channel = new BroadcastChannel('lat-probe');
  channel.onmessage = (e) => rows.push(...(e.data as { rows: ProbeRow[] }).rows);
  channel.postMessage('dump');
  await new Promise((r) => setTimeout(r, 500));
  channel.close();
  if (rows.length === 0) return {};
  const points = new Map<string, Record<string, number>>();
  const of = (id: string) => points.get(id) ?? points.set(id, {}).get(id)!;
  for (const [point, id, t] of rows) of(id)[point] ??= t;
  for (const [id, t] of deliverAt) of(id)['6zTraceDeliver'] = t;
  const names = [...new Set(rows.map((r) => r[0]).concat(['6zTraceDeliver']))].sort();
  const steps: Record<string, Array<Spread | null>> = {};
  for (let j = 1; j < names.length; j++) {
    const a = names[j - 1]!;
    const b = names[j]!;
    steps[`${a}→${b}`] = Array.from({ length: perBurst }, (_, k) => {
      const xs = sendOrder
        .filter((_, i) => i % perBurst === k)
        .map((id) => points.get(id))
        .flatMap((p) => (p?.[a] !== undefined && p[b] !== undefined ? [p[b] - p[a]] : []));
      return xs.length === 0 ? null : spreadOf(xs);
    });
  }
  return steps;
}

/** Mean (to the µs) and p50 of ms values. */
export function spreadOf(xs: number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  return { mean: Math.round((s.reduce((a, b) => a + b, 0) / s.length) * 1000) / 1000, p50: s[Math.floor(s.length / 2)]! };
}
