import { debates2026 } from '../../src/index';
import type { PanelProps } from '../panels/registerPanel';
import { DebateList } from './DebateList';
import { PrebuiltComponents } from './PrebuiltComponents';
import './debates.css';

/**
 * "2026 debates" tab: what WASI 0.3 (component-model async) changes for the cloud
 * interfaces — sync vs async, wasi:io streams vs stream<u8>, resources vs records — with the
 * 0.2 example and the 0.3 proposal example of each question to run one after the other.
 */
export function Debates2026Panel({ ctx }: PanelProps) {
  return (
    <div className="panel debates-panel" data-testid="debates-2026-panel">
      <p className="debates-intro muted">
        WASI 0.3 made async functions, stream&lt;T&gt; and future&lt;T&gt; part of the component model. The cloud interfaces have no 0.3 version upstream yet (keyvalue and messaging Phase 2, blobstore Phase 1); this playground ships proposals (proposal:keyvalue-p3, messaging-p3, blobstore-p3, see wit/P3-PROPOSALS.md) on the same store and bus as 0.2. For each question: the 0.2 draft, the 0.3 proposal, and both examples. 0.3 guests need JSPI (Chromium).
      </p>
      <DebateList ctx={ctx} topics={debates2026} sides={['0.2', '0.3']} />
      <PrebuiltComponents />
    </div>
  );
}
