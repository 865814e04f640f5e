import { createRoot } from 'react-dom/client';
import type { ExampleGuest, TraceStore } from '../../src/index';
import type { PanelContext } from '../panels/panelContext';
import { DiagramPanel } from './DiagramPanel';
import '../styles.css';

/**
 * Renders the Diagram panel (flow diagram + timeline) alone into `el`, for the frame-time
 * benchmark page (bench/diagram.html) which must not depend on React itself.
 * Returns an unmount function.
 */
export function mountDiagramBench(el: HTMLElement, store: TraceStore, guests: string[]): () => void {
  const ctx: PanelContext = {
    traceStore: store,
    console: [],
    clearConsole: () => {},
    example: undefined,
    guests: guests.map((name): ExampleGuest => ({ name, lang: 'wat', wit: '', source: '' })),
    phase: 'serving',
    selectedEventId: undefined,
    selectEvent: () => {},
    showPanel: () => {},
  };
  el.classList.add('tab-panel');
  const root = createRoot(el);
  root.render(<DiagramPanel ctx={ctx} />);
  return () => root.unmount();
}
