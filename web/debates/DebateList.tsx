import type { MeetingTopic } from '../../src/index';
import type { PanelProps } from '../panels/registerPanel';

const AREA_LABELS: Record<MeetingTopic['area'], string> = {
  messaging: 'wasi-messaging',
  keyvalue: 'wasi-keyvalue',
  blobstore: 'wasi-blob-store',
  design: 'all three',
};

interface Props {
  ctx: PanelProps['ctx'];
  topics: MeetingTopic[];
  /** Headings of the two sides: ["2022", "now"], or ["0.2", "0.3"]. */
  sides: [string, string];
}

/**
 * The topics of a debates tab: what each side says, and buttons loading the examples of
 * both sides so a presenter can run them one after the other.
 */
export function DebateList({ ctx, topics, sides }: Props) {
  const current = ctx.example?.id;
  return (
    <ol className="debates-list">
      {topics.map((topic) => (
        <li key={topic.id} className="debate" data-testid="debate" data-topic={topic.id}>
          <header>
            <span className="debate-title">{topic.title}</span>
            <span className={`badge debate-area debate-${topic.area}`}>{AREA_LABELS[topic.area]}</span>
          </header>
          <dl>
            <dt>{sides[0]}</dt>
            <dd>{topic.then}</dd>
            <dt>{sides[1]}</dt>
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
  );
}
