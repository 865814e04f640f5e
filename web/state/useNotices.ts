import { useCallback, useState } from 'react';

/** One message in the bar above the editors. `id` lets the same source replace its own message. */
export interface Notice {
  id: string;
  kind: 'error' | 'warn' | 'info';
  text: string;
  /** Optional button next to the text (e.g. "Back to my workspace"). */
  action?: { label: string; run(): void };
}

/** Non-blocking messages: shown until dismissed or replaced by a notice with the same id. */
export interface Notices {
  list: Notice[];
  show(notice: Notice): void;
  dismiss(id: string): void;
}

export function useNotices(): Notices {
  const [list, setList] = useState<Notice[]>([]);
  const show = useCallback((notice: Notice) => setList((l) => [...l.filter((n) => n.id !== notice.id), notice]), []);
  const dismiss = useCallback((id: string) => setList((l) => (l.some((n) => n.id === id) ? l.filter((n) => n.id !== id) : l)), []);
  return { list, show, dismiss };
}
