import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { examples, type Example } from '../src/index';
import { EditorPane } from './EditorPane';
import { SCRATCH_ID } from './ExamplePicker';
import { getTraceStore } from './engine';
import { GuestTabs } from './GuestTabs';
import { Header } from './Header';
import { OutputPane } from './OutputPane';
import { PaneSplitter, resizePanes } from './PaneSplitter';
import type { PanelContext } from './panels/panelContext';
import { scratchExample } from './state/scratchExample';
import { loadSettings, saveSettings, type Settings } from './state/settings';
import { useWorkspace } from './state/useWorkspace';
import { createLocalWorkspaceStore } from './state/workspaceStore';
import { useRunner } from './useRunner';

const workspaceStore = createLocalWorkspaceStore();
const findExample = (id: string | undefined): Example => examples.find((e) => e.id === id) ?? (id === SCRATCH_ID ? scratchExample : (examples[0] ?? scratchExample));

/** The playground: header, guest tabs, WIT + guest editors and the output pane. */
export function App() {
  const [settings, setSettings] = useState<Settings>(loadSettings);
  const example = useMemo(() => findExample(settings.lastExampleId), [settings.lastExampleId]);
  const ws = useWorkspace(workspaceStore, example);
  const runner = useRunner();
  const [activeGuest, setActiveGuest] = useState(0);
  const [panel, setPanel] = useState('console');
  const [selectedEventId, selectEvent] = useState<string | undefined>();
  const guestIndex = Math.max(0, Math.min(activeGuest, ws.guests.length - 1));
  const guest = ws.guests[guestIndex];
  const diags = (guest && runner.diagnostics[guest.name]) || [];

  useEffect(() => saveSettings(settings), [settings]);
  // Guests of the previous example would keep serving (and markers would point into the wrong sources).
  const resetRunner = runner.reset;
  useEffect(() => {
    setActiveGuest(0);
    resetRunner();
  }, [example, resetRunner]);
  const onSettings = useCallback((patch: Partial<Settings>) => setSettings((s) => ({ ...s, ...patch })), []);
  const onResize = useCallback((index: number, delta: number) => setSettings((s) => ({ ...s, panes: resizePanes(s.panes, index, delta) as Settings['panes'] })), []);
  const [p1, p2, p3] = settings.panes;

  const run = useCallback(async () => {
    const outcome = await runner.run(ws.guests, settings.timeLimitMs);
    if (outcome.status === 'failed') {
      // Show the errors: console tab, and the first guest with markers.
      setPanel('console');
      const firstBad = ws.guests.findIndex((g) => outcome.guests.includes(g.name));
      if (firstBad >= 0) setActiveGuest(firstBad);
    }
  }, [runner, ws.guests, settings.timeLimitMs]);

  // Capture phase: Monaco binds Ctrl+Enter itself ("insert line below") and would swallow it.
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      e.preventDefault();
      e.stopPropagation();
      void runRef.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const ctx: PanelContext = useMemo(
    () => ({
      traceStore: getTraceStore(),
      console: runner.console.lines,
      clearConsole: runner.console.clear,
      example: example.id === SCRATCH_ID ? undefined : example,
      guests: ws.guests,
      phase: runner.phase,
      selectedEventId,
      selectEvent,
      showPanel: setPanel,
    }),
    [runner.console.lines, runner.console.clear, example, ws.guests, runner.phase, selectedEventId],
  );

  return (
    <div className="app">
      <Header
        examples={examples}
        exampleId={example.id}
        onPickExample={(id) => onSettings({ lastExampleId: id })}
        settings={settings}
        onSettings={onSettings}
        phase={runner.phase}
        status={runner.status}
        onRun={() => void run()}
        onStop={runner.stop}
        onReset={ws.reset}
      />
      <p className="example-description" data-testid="example-description">
        <strong>{example.title}.</strong> {example.description}
      </p>
      {ws.guests.length > 1 && <GuestTabs guests={ws.guests} active={guestIndex} onSelect={setActiveGuest} diagnostics={runner.diagnostics} />}
      <main className="panes" style={{ gridTemplateColumns: `minmax(0, ${p1}fr) 5px minmax(0, ${p2}fr) 5px minmax(0, ${p3}fr)` }}>
        {guest ? (
          <EditorPane lang="wit" title="WIT" guest={guest.name} value={guest.wit} onChange={(wit) => ws.updateGuest(guestIndex, { wit })} diagnostics={diags.filter((d) => d.file === 'wit')} fontSize={settings.fontSize} plain={settings.plainEditor} testId="wit-editor" />
        ) : (
          <div className="pane empty">This example has no guests.</div>
        )}
        <PaneSplitter index={0} onResize={onResize} label="Resize WIT and guest editors" />
        {guest ? (
          <EditorPane lang={guest.lang} title="Guest" guest={guest.name} value={guest.source} onChange={(source) => ws.updateGuest(guestIndex, { source })} diagnostics={diags.filter((d) => d.file === 'guest')} fontSize={settings.fontSize} plain={settings.plainEditor} testId="guest-editor" />
        ) : (
          <div className="pane" />
        )}
        <PaneSplitter index={1} onResize={onResize} label="Resize guest editor and output" />
        <OutputPane ctx={ctx} active={panel} onSelect={setPanel} />
      </main>
    </div>
  );
}
