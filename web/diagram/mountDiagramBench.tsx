import { createRoot } from 'react-dom/client';
import type { TraceStore } from '../../src/index';
import { benchPanelContext } from '../panels/benchPanelContext';
import { DiagramPanel } from './DiagramPanel';
import '../styles.css';

/**
 * Renders the Diagram panel (flow diagram + timeline) alone into `el`, for the frame-time
 * benchmark page (bench/diagram.html) which must not depend on React itself.
 * Returns an unmount function.
 */
export function mountDiagramBench(el: HTMLElement, store: TraceStore, guests: string[]): () => void {
  const ctx = benchPanelContext(store, guests);
  el.classList.add('tab-panel');
  const root = createRoot(el);
  root.render(<DiagramPanel ctx={ctx} />);
  return () => root.unmount();
}
