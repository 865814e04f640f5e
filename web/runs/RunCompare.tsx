import { useMemo, useSyncExternalStore } from 'react';
import type { TraceRun, TraceStore } from '../../src/index';
import { compareRuns, type CompareRow } from './compareRuns';
import { runName, runTitle } from './RunBar';

interface Props {
  store: TraceStore;
  before: TraceRun;
  after: TraceRun;
  onClose(): void;
}

const FAMILY: Record<CompareRow['family'], string> = { message: 'messages', ack: 'acks', call: 'host calls', failures: 'failures' };

/** `topic:orders` → a name coloured like its diagram node. */
function Node({ id }: { id: string }) {
  const kind = id.slice(0, id.indexOf(':'));
  return <span className={`run-node run-node-${kind}`}>{id.slice(kind.length + 1)}</span>;
}

/**
 * Side-by-side counts of two runs: how many messages crossed each arrow, how many were
 * dropped, nacked or failed. The rows that differ come first in each group.
 */
export function RunCompare({ store, before, after, onClose }: Props) {
  const version = useSyncExternalStore(store.subscribe, () => `${store.events.total}:${store.events.size}`);
  const rows = useMemo(() => {
    void version;
    return compareRuns(store.runView(before.id).events.toArray(), store.runView(after.id).events.toArray());
  }, [store, before.id, after.id, version]);
  let family = '';
  return (
    <div className="panel run-compare" data-testid="run-compare-view">
      <div className="panel-toolbar">
        <span className="run-compare-title">Compare runs</span>
        <button type="button" className="small" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="run-compare-body">
        <table>
          <thead>
            <tr>
              <th>arrow</th>
              <th title={runTitle(before)}>{runName(before)}</th>
              <th title={runTitle(after)}>{runName(after)}</th>
            </tr>
            <tr className="run-compare-details">
              <td />
              <td>{before.detail || before.label}</td>
              <td>{after.detail || after.label}</td>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  Neither run recorded any arrows.
                </td>
              </tr>
            )}
            {rows.map((r) => {
              const head = r.family !== family ? (family = r.family) : undefined;
              const differs = r.before !== r.after || r.badBefore !== r.badAfter;
              return [
                head && (
                  <tr key={`h-${head}`} className="run-compare-group">
                    <td colSpan={3}>{FAMILY[r.family]}</td>
                  </tr>
                ),
                <tr key={r.key} className={differs ? 'differs' : ''} data-testid="run-compare-row" data-from={r.from} data-to={r.to} data-family={r.family}>
                  <td className="run-compare-edge">
                    <Node id={r.from} />
                    {r.to && (
                      <>
                        {' → '}
                        <Node id={r.to} />
                      </>
                    )}
                  </td>
                  <Cell n={r.before} bad={r.badBefore} family={r.family} />
                  <Cell n={r.after} bad={r.badAfter} family={r.family} />
                </tr>,
              ];
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Cell({ n, bad, family }: { n: number; bad: number; family: CompareRow['family'] }) {
  return (
    <td className="run-compare-count">
      ×{n}
      {bad > 0 && family !== 'failures' && <span className="run-compare-bad"> ({bad}✗)</span>}
    </td>
  );
}
