import { meetingTopics, type MeetingTopic } from '../../src/index';
import type { PanelProps } from '../panels/registerPanel';
import './debates.css';

const AREA_LABELS: Record<MeetingTopic['area'], string> = {
  messaging: 'wasi-messaging',
  keyvalue: 'wasi-keyvalue',
  blobstore: 'wasi-blob-store',
  design: 'all three',
};

/**
 * "2022 debates" tab: each question the WASI meeting of 1 Dec 2022 argued over, what the
 * standard says now, and buttons that load the examples trying each side, so a presenter
 * can walk the agenda and run the standard and the proposed variant one after the other.
 */
export function DebatesPanel({ ctx }: PanelProps) {
  const current = ctx.example?.id;
  return (
    <div className="panel debates-panel" data-testid="debates-panel">
      <p className="debates-intro muted">
        WASI subgroup meeting, 1 December 2022: wasi-pubsub and wasi-message-queue became wasi-messaging, and the cloud interfaces were argued over topic by topic. For each: what was proposed then, where the standard stands now, and examples to run both.
      </p>
      <ol className="debates-list">
        {meetingTopics.map((topic) => (
          <li key={topic.id} className="debate" data-testid="debate" data-topic={topic.id}>
            <header>
              <span className="debate-title">{topic.title}</span>
              <span className={`badge debate-area debate-${topic.area}`}>{AREA_LABELS[topic.area]}</span>
            </header>
            <dl>
              <dt>2022</dt>
              <dd>{topic.then}</dd>
              <dt>now</dt>
              <dd>{topic.now}</dd>
            </dl>
            <div className="debate-examples">
              {topic.examples.map((ex) => (
                <button
                  key={ex.id}
                  type="button"
                  className={`small${ex.id === current ? ' current' : ''}`}
                  data-testid="debate-example"
                  data-example={ex.id}
                  disabled={!ctx.openExample || ex.id === current}
                  title={ex.id === current ? 'Loaded in the editors: press Run' : `Load example ${ex.id}`}
                  onClick={() => ctx.openExample?.(ex.id)}
                >
                  {ex.label}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
