import type { Notice } from '../state/useNotices';
import './share.css';

interface Props {
  notices: Notice[];
  onDismiss(id: string): void;
}

/** Messages above the editors (damaged links, full storage, imports). Never blocks editing. */
export function NoticeBar({ notices, onDismiss }: Props) {
  if (notices.length === 0) return null;
  return (
    <div className="notice-bar">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} data-testid="notice" data-kind={n.kind} data-id={n.id} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span className="notice-text">{n.text}</span>
          {n.action && (
            <button type="button" className="small" onClick={n.action.run}>
              {n.action.label}
            </button>
          )}
          <button type="button" className="notice-close" aria-label="Dismiss message" onClick={() => onDismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
