import type { TraceEvent } from '../../src/index';
import { matchesFilter } from '../trace/describeTraceEvent';
import { topicNodeName } from './flowGraph';

/** Timeline filter; empty strings mean "any". */
export interface TimelineFilter {
  /** Guest name: events it produced, and deliveries to it. */
  guest: string;
  /** Topic node name (inboxes collapse to `_inbox.*`): messages on it and calls targeting it. */
  topic: string;
  /** `message`, `call`, `lifecycle`, or a message action such as `deliver`. */
  kind: string;
  /** Free text over guest, kind, iface, fn, topic, action, envelope id and subject. */
  text: string;
}

export const emptyFilter: TimelineFilter = { guest: '', topic: '', kind: '', text: '' };

export const isFiltering = (f: TimelineFilter) => !!(f.guest || f.topic || f.kind || f.text.trim());

/** Topic (node name) an event belongs to, if any. */
export function topicOf(e: TraceEvent): string | undefined {
  if (e.kind === 'message') return topicNodeName(e.topic);
  if (e.kind === 'call' && e.target?.type === 'topic') return topicNodeName(e.target.name);
  return undefined;
}

export function matchesTimeline(e: TraceEvent, f: TimelineFilter): boolean {
  if (f.guest && e.guest !== f.guest && !(e.kind === 'message' && e.to === f.guest)) return false;
  if (f.topic && topicOf(e) !== f.topic) return false;
  if (f.kind && e.kind !== f.kind && !(e.kind === 'message' && e.action === f.kind)) return false;
  const text = f.text.trim();
  if (!text || matchesFilter(e, text)) return true;
  if (e.kind !== 'message') return false;
  const n = text.toLowerCase();
  return [e.envelope.id, e.envelope.subject].some((v) => typeof v === 'string' && v.toLowerCase().includes(n));
}

/** Ring indices in [0, end) passing the filter, in time order (`at`, then arrival). */
export function filterIndices(at: (i: number) => TraceEvent | undefined, end: number, f: TimelineFilter): number[] {
  const out: number[] = [];
  const times: number[] = [];
  const all = !isFiltering(f);
  for (let i = 0; i < end; i++) {
    const e = at(i);
    if (e && (all || matchesTimeline(e, f))) {
      out.push(i);
      times.push(e.at);
    }
  }
  sortByTime(out, times);
  return out;
}

/**
 * Workers and tabs deliver their events in batches, so the ring is only nearly in time
 * order. Insertion sort is linear on such input; when the input turns out badly shuffled
 * it stops early and the general (stable) sort finishes the job from the original order.
 * Sorts `idx` in place by `times` (which it reorders too).
 */
export function sortByTime(idx: number[], times: number[]): void {
  const origIdx = idx.slice();
  const origTimes = times.slice();
  let moves = 0;
  const budget = idx.length * 16 + 64;
  for (let i = 1; i < idx.length; i++) {
    const t = times[i];
    const v = idx[i];
    let j = i - 1;
    while (j >= 0 && times[j] > t) {
      times[j + 1] = times[j];
      idx[j + 1] = idx[j];
      j--;
      if (++moves > budget) {
        const order = origIdx.map((_, k) => k).sort((a, b) => origTimes[a] - origTimes[b] || a - b);
        for (let k = 0; k < order.length; k++) idx[k] = origIdx[order[k]];
        return;
      }
    }
    times[j + 1] = t;
    idx[j + 1] = v;
  }
}
