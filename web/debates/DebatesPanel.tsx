import { meetingTopics } from '../../src/index';
import type { PanelProps } from '../panels/registerPanel';
import { DebateList } from './DebateList';
import './debates.css';

/**
 * "2022 debates" tab: each question the WASI meeting of 1 Dec 2022 argued over, what the
 * standard says now, and buttons that load the examples trying each side, so a presenter
 * can walk the agenda and run the standard and the proposed variant one after the other.
 */
export function DebatesPanel({ ctx }: PanelProps) {
  return (
    <div className="panel debates-panel" data-testid="debates-panel">
      <p className="debates-intro muted">
        WASI subgroup meeting, 1 December 2022: wasi-pubsub and wasi-message-queue became wasi-messaging, and the cloud interfaces were argued over topic by topic. For each: what was proposed then, where the standard stands now, and examples to run both.
      </p>
      <DebateList ctx={ctx} topics={meetingTopics} sides={['2022', 'now']} />
    </div>
  );
}
