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

/** Ring indices in [0, end) passing the filter, oldest first. */
export function filterIndices(at: (i: number) => TraceEvent | undefined, end: number, f: TimelineFilter): number[] {
  const out: number[] = [];
  const all = !isFiltering(f);
  for (let i = 0; i < end; i++) {
    const e = at(i);
    if (e && (all || matchesTimeline(e, f))) out.push(i);
  }
  return out;
}
