import type { ExampleGuest, TraceStore } from '../../src/index';
import type { PanelContext } from './panelContext';

/**
 * The context a panel gets on a benchmark page (bench/diagram.html): the trace store and
 * the guests' names, a serving run, and nothing selectable. `console` and `clearConsole`
 * come from the caller when it benchmarks the Console itself.
 */
export function benchPanelContext(store: TraceStore, guests: string[], console: Pick<PanelContext, 'console' | 'consoleHistory' | 'clearConsole'> = { console: [], clearConsole: () => {} }): PanelContext {
  return {
    traceStore: store,
    ...console,
    example: undefined,
    guests: guests.map((name): ExampleGuest => ({ name, lang: 'wat', wit: '', source: '' })),
    phase: 'serving',
    selectedEventId: undefined,
    selectEvent: () => {},
    showPanel: () => {},
  };
}
