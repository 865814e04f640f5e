import type { DrivenBy } from '../../src/index';
import type { DrivenExport } from './findDrivenExports';

/** What each setting is called above the list, and what calls into the export it decides. */
const SETTING: Record<DrivenBy, { label: string; calls: string; none: string }> = {
  subscriptions: { label: 'Subscriptions', calls: 'for each message matching its', none: 'no subscriptions yet: it receives no messages' },
  buckets: { label: 'Key-value buckets', calls: 'for changes in its', none: 'no buckets listed: it watches only buckets it opens itself' },
};

interface Props {
  driven: DrivenExport[];
  /** The guest's settings, to say when the one a driven export depends on is empty. */
  settings: Record<DrivenBy, readonly string[] | undefined>;
}

/**
 * The hosts that call a guest through its exports (a messaging handler, a key-value
 * watcher), and which of its settings decides the calls. A handler-only guest imports
 * nothing of wasi:messaging by name, yet that host delivers its messages: the imports row
 * alone did not show it.
 */
export function DrivenExports({ driven, settings }: Props) {
  if (driven.length === 0) return null;
  return (
    <div className="hosts-imports hosts-driven" data-testid="hosts-driven">
      {driven.map((d) => {
        const s = SETTING[d.by];
        const empty = (settings[d.by]?.length ?? 0) === 0;
        return (
          <span key={`${d.pkg}/${d.iface}`} data-testid="hosts-driven-export">
            called by <code className="host" title="served by a built-in host package">{d.pkg}</code> through its export <code>{d.iface}</code>, {s.calls} {s.label}
            {empty && <span className="hosts-driven-empty"> ({s.none})</span>}
          </span>
        );
      })}
    </div>
  );
}
