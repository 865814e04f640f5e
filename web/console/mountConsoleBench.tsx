import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import type { TraceStore } from '../../src/index';
import { ConsolePanel } from '../ConsolePanel';
import { benchPanelContext } from '../panels/benchPanelContext';
import type { ConsoleLine } from './consoleTypes';
import { useConsoleLog } from './useConsoleLog';
import '../styles.css';

type Append = (line: Omit<ConsoleLine, 'id'>) => void;

function ConsoleBench({ store, guests, onAppend }: { store: TraceStore; guests: string[]; onAppend(append: Append): void }) {
  // The app's own console state: appends batched per frame, a live window plus the history.
  const log = useConsoleLog();
  useEffect(() => onAppend(log.append), [log.append, onAppend]);
  const ctx = benchPanelContext(store, guests, { console: log.lines, consoleHistory: log.history, clearConsole: log.clear });
  return <ConsolePanel ctx={ctx} />;
}

/**
 * Renders the Console panel alone into `el` for the flood bench (bench/benchFlood.ts),
 * with the app's console state; resolves to its append (what useRunner calls per line).
 */
export function mountConsoleBench(el: HTMLElement, store: TraceStore, guests: string[]): Promise<Append> {
  el.classList.add('tab-panel');
  return new Promise((resolve) => createRoot(el).render(<ConsoleBench store={store} guests={guests} onAppend={resolve} />));
}
