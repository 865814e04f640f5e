import { CROSS_TAB_EVENTS_PER_FLUSH, CROSS_TAB_FLUSH_MS, type TraceStore } from '../../src/index';

/**
 * Says, in the Trace's toolbar, what other tabs sent that the table does not list: events
 * only counted (a flooding tab sends the newest of each flush in full) and events this build
 * cannot show (a tab of another version). Without it those events vanished silently: a
 * presenter with two tabs would read a busy tab as a quiet one.
 */
export function OtherTabsNote({ store }: { store: TraceStore }) {
  const counted = store.remoteSummarized;
  const refused = store.remoteRefused;
  if (counted === 0 && refused.count === 0) return null;
  const parts: string[] = [];
  if (counted > 0) parts.push(`+${counted.toLocaleString('en')} more in other tabs`);
  if (refused.count > 0) parts.push(`${refused.count.toLocaleString('en')} left out (another version)`);
  const title = [
    counted > 0 ? `Other tabs sent these events as a count only: of each ${CROSS_TAB_FLUSH_MS} ms they send their newest ${CROSS_TAB_EVENTS_PER_FLUSH} events in full and count the rest. Each tab's own Trace lists all of its events.` : '',
    refused.count > 0 ? `Another tab sent events this version cannot show (${refused.problem}). Is that tab running another version of the playground? Reload it.` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <span className="muted trace-other-tabs" data-testid="trace-other-tabs" title={title}>
      {parts.join(' · ')}
    </span>
  );
}
