import type { TraceEvent } from './traceEvent';

/** Distinct strings a pool keeps before it starts over (a guest inventing topics must not grow it forever). */
export const STRING_POOL_LIMIT = 4096;

/** Envelope attributes that differ on every message: pooling them would only fill the pool. */
const UNIQUE_ATTRIBUTES = new Set(['id', 'time']);

/**
 * Makes events that arrived from a worker share one copy of the strings they repeat
 * (guest, kind, action, topic, interface, function, CloudEvents source/type/specversion…).
 *
 * WHY: structured clone gives every event of a batch its own copy of every string, and
 * the store keeps the events, so under a flood the page's young generation is mostly
 * copies of "message", "deliver", "bench.flood", "1.0"… that all survive into the ring
 * buffer. V8's scavenger copies every survivor (twice, to be promoted), so those copies
 * were most of each scavenge's work on the main thread. Swapped for the pooled string in
 * the same task they arrived in, the copies die young and cost the scavenger nothing.
 * The events are otherwise untouched (same fields, same values).
 */
export function createEventStringSharer(limit = STRING_POOL_LIMIT): (e: TraceEvent) => void {
  let pool = new Map<string, string>();
  // Typed as string, but events from other tabs are only checked for an id: anything else passes through.
  const share = (s: string): string => {
    if (typeof s !== 'string') return s;
    const known = pool.get(s);
    if (known !== undefined) return known;
    if (pool.size >= limit) pool = new Map();
    pool.set(s, s);
    return s;
  };
  return (e) => {
    e.guest = share(e.guest);
    e.kind = share(e.kind) as typeof e.kind;
    switch (e.kind) {
      case 'message': {
        e.action = share(e.action) as typeof e.action;
        e.topic = share(e.topic);
        if (e.to !== undefined) e.to = share(e.to);
        const env = e.envelope;
        if (env && typeof env === 'object') {
          for (const key in env) {
            const v = env[key];
            // Long values (metadata JSON) are rarely repeated; short ones nearly always are.
            if (typeof v === 'string' && v.length <= 256 && !UNIQUE_ATTRIBUTES.has(key)) env[key] = share(v);
          }
        }
        break;
      }
      case 'call':
        e.iface = share(e.iface);
        e.fn = share(e.fn);
        e.dir = share(e.dir) as typeof e.dir;
        if (e.target && typeof e.target === 'object') {
          e.target.type = share(e.target.type) as typeof e.target.type;
          e.target.name = share(e.target.name);
        }
        if (e.servedBy !== undefined) e.servedBy = share(e.servedBy);
        break;
      case 'lifecycle':
        e.phase = share(e.phase) as typeof e.phase;
        break;
    }
  };
}
