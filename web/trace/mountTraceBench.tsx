import { createRoot } from 'react-dom/client';
import type { TraceStore } from '../../src/index';
import { benchPanelContext } from '../panels/benchPanelContext';
import { TracePanel } from '../TracePanel';
import '../styles.css';

/**
 * Renders the Trace panel alone into `el` for the flood bench (bench/benchFlood.ts,
 * `?panel=trace`): the table a person watches every call in, fed by the real trace store.
 * Returns an unmount function.
 */
export function mountTraceBench(el: HTMLElement, store: TraceStore, guests: string[]): () => void {
  el.classList.add('tab-panel');
  const root = createRoot(el);
  root.render(<TracePanel ctx={benchPanelContext(store, guests)} />);
  return () => root.unmount();
}
