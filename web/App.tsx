import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { examples, isHelperGuest } from '../src/index';
import { EditorPane } from './EditorPane';
import { ExampleDescription } from './ExampleDescription';
import { SCRATCH_ID } from './ExamplePicker';
import { getTraceStore } from './engine';
import { GuestTabs } from './GuestTabs';
import { Header } from './Header';
import { OutputPane } from './OutputPane';
import { PaneSplitter, resizePanes } from './PaneSplitter';
import type { GuestHostsPatch, PanelContext } from './panels/panelContext';
import { EmbedHeader } from './presenter/EmbedHeader';
import { FullscreenPanel, useStagePanel } from './presenter/FullscreenPanel';
import { PresenterControls } from './presenter/PresenterControls';
import { usePresenter } from './presenter/usePresenter';
import { usePresentedFontSize } from './presenter/presentedFontSize';
import { NoticeBar } from './share/NoticeBar';
import { shareLink, withTimeLimit } from './share/readShareHash';
import { ShareMenu } from './share/ShareMenu';
import { useShareHash } from './share/useShareHash';
import { useGuestTab } from './share/useGuestTab';
import { useSharedComponent } from './share/useSharedComponent';
import { WorkspacesMenu } from './share/WorkspacesMenu';
import { readStartup, timeLimitOf } from './state/readStartup';
import { useSettings } from './state/useSettings';
import { loadSettings, type Settings } from './state/settings';
import { useNotices } from './state/useNotices';
import { useWorkspace, type OpenRequest } from './state/useWorkspace';
import { useWorkspaceNotices } from './state/useWorkspaceNotices';
import { useMissingExampleNotice } from './state/useMissingExampleNotice';
import { useResetSources } from './state/useResetSources';
import { useStopRunOnOpen } from './state/useStopRunOnOpen';
import { useRunner } from './useRunner';
import { ComponentDropZone } from './component/OpenComponent';
import { ComponentInfoPane, ComponentWitPane } from './component/ComponentPanes';
import { ComponentToolbar } from './component/ComponentToolbar';
import { openedGuest } from './component/openedGuest';
import { useJsWarmup } from './component/useJsWarmup';
import { useOpenedComponent } from './component/useOpenedComponent';
import { resolveRunHosts } from './faults/workspaceFaults';
import { useRunHistory } from './runs/useRunHistory';
import { HostTrustPrompt } from './trust/HostTrustPrompt';
import { StorageMenu } from './storage/StorageMenu';
import { requestPersistence } from './storage/requestPersistence';
import { useHostTrust } from './trust/useHostTrust';
import { BackendBadge } from './backend/BackendBadge';
import { BackendOffer } from './backend/BackendOffer';
import { BackendSettings } from './backend/BackendSettings';
import { useBackend } from './backend/useBackend';
import { statusWithBackend } from './backend/statusWithBackend';
import { useStopOnBackendChange } from './backend/useStopOnBackendChange';
import { LearnEntry, LearnLayout } from './learn/LearnLayout';
import { useLearn } from './learn/useLearn';
import { useNewestMarkers } from './learn/useNewestMarkers';
import { useLeaveCourse } from './learn/useLeaveCourse';
import { StageFocusSwitch } from './layout/StageFocusSwitch';
import { useShowMarkedEditor } from './layout/useShowMarkedEditor';
import { revealOutputOnPhone } from './layout/revealOutputOnPhone';
import { useStageFocus } from './layout/useStageFocus';
import { useOnScreenKeyboard } from './onScreenKeyboard/useOnScreenKeyboard';
import { LANDING_EXAMPLE_ID } from './welcome/landing';
import { useWelcome } from './welcome/useWelcome';
import { WelcomeStrip } from './welcome/WelcomeStrip';

/** The playground: header, guest tabs, WIT + guest editors and the output pane. */
export function App() {
  const [stored] = useState(loadSettings);
  const [startup] = useState(() => readStartup(location, stored));
  const embed = startup.mode.embed;
  const { settings, onSettings, applyWorkspaceLimit } = useSettings(startup.settings, stored, embed);
  const ws = useWorkspace(startup.request, !embed);
  // Learn mode swaps the lesson's guests into the editors, Run and the panels.
  const learn = useLearn();
  const example = learn.example ?? ws.example;
  const guests = learn.active ? learn.guests : ws.guests;
  const updateGuest: (index: number, patch: { source?: string; wit?: string }) => void = learn.active ? learn.updateGuest : ws.updateGuest;
  const hosts = learn.active ? undefined : ws.workspace.hosts;
  const notices = useNotices();
  useWorkspaceNotices(ws, notices);
  useMissingExampleNotice(location.search, startup.hash.kind === 'share', ws.example.title, notices);
  const trust = useHostTrust(ws, notices, !embed);
  const presenter = usePresenter(startup.mode);
  const stagePanel = useStagePanel();
  const runner = useRunner();
  // While learning, runs are the lesson's (labelled with its title), not the workspace example's.
  const runs = useRunHistory(getTraceStore(), example.id, example.title);
  const beginRun = runs.begin;
  const backend = useBackend(!embed, location.search);
  useStopOnBackendChange(backend.config, runner);
  const component = useOpenedComponent();
  const welcome = useWelcome(startup.firstVisit);
  // The landing example is JavaScript: its engine download (~6 MB) waits for Run or an idle visitor.
  useJsWarmup(guests, welcome.active && example.id === LANDING_EXAMPLE_ID);
  // A share link opens on the guest tab its sender was editing; a new example on its first.
  const guestTab = useGuestTab(example, ws.workspace, runner.reset, startup.hash.kind === 'share' ? { workspace: startup.hash.request.workspace, index: startup.hash.activeGuest } : undefined);
  const { active: activeGuest, select: setActiveGuest } = guestTab;
  useStopRunOnOpen(ws.opened, runner.reset);
  useShareHash(ws, startup.hash, notices, !embed, guestTab.openOn);
  useSharedComponent(startup.hash, component);
  const [panel, setPanel] = useState(startup.mode.panel ?? 'console');
  const [selectedEventId, selectEvent] = useState<string | undefined>();
  const guestIndex = Math.max(0, Math.min(activeGuest, guests.length - 1));
  const guest = guests[guestIndex];
  // Check's build errors and exception lines are marked as Run's are (the newer of the two shows).
  const markers = useNewestMarkers(runner.diagnostics, learn.diagnostics, learn.active);
  const diags = (guest && markers[guest.name]) || [];

  // Guests of the previous example would keep serving (and markers would point into the wrong sources): useGuestTab calls runner.reset on every example change.
  // Remember what is open for the next visit: an example, or a saved/edited named workspace.
  useEffect(() => {
    if (ws.origin === 'example') onSettings({ lastExampleId: ws.example.id, lastWorkspaceId: undefined });
    else if (ws.recordId) onSettings({ lastExampleId: ws.example.id, lastWorkspaceId: ws.recordId });
  }, [ws.origin, ws.recordId, ws.example, onSettings]);
  const openWorkspace = useCallback(
    (request: OpenRequest & { kind: 'workspace' }) => {
      applyWorkspaceLimit(timeLimitOf(request));
      // An imported file is work the user wants kept: ask the browser to keep storage.
      if (request.origin === 'file') void requestPersistence();
      void ws.open(request);
    },
    [applyWorkspaceLimit, ws],
  );
  const openWs = ws.open;
  const openExample = useCallback((id: string) => void openWs({ kind: 'example', id }), [openWs]);
  const shownStatus = statusWithBackend(runner.status, runner.phase, backend.status);
  const pickExample = useLeaveCourse(learn, notices, openExample);
  const resetSources = useResetSources(learn, ws, example, runner.reset);
  const current = useMemo(() => withTimeLimit(ws.workspace, settings.timeLimitMs), [ws.workspace, settings.timeLimitMs]);
  const fontSize = usePresentedFontSize(settings.fontSize, presenter.present, learn.active);
  // A lesson's fixed helper guest is shown but not editable: Check runs it as the lesson wrote it.
  const readOnly = !!learn.lesson && !!guest && isHelperGuest(learn.lesson, guest.name);
  const onResize = useCallback((index: number, delta: number) => onSettings((s) => ({ panes: resizePanes(s.panes, index, delta) as Settings['panes'] })), [onSettings]);
  const stage = useStageFocus({ ...startup.mode, present: presenter.present, learning: learn.active }, settings.panes);
  useShowMarkedEditor(stage, diags);
  const { revealOutput } = stage;
  useOnScreenKeyboard();

  const run = useCallback(async () => {
    // An opened .wasm replaces the workspace's guests until it is closed.
    const runGuests = component.opened ? [openedGuest(component.opened, component.settings)] : guests;
    // Host code from outside this browser runs only once accepted (web/trust); lessons have none.
    const trusted = hosts && trust.hostsForRun(hosts, runGuests);
    if (hosts && !trusted) return;
    const runHosts = resolveRunHosts(example, runGuests, trusted);
    beginRun(runHosts);
    backend.noticeRun();
    revealOutputOnPhone();
    revealOutput();
    const outcome = await runner.run(runGuests, settings.timeLimitMs, runHosts, backend.config);
    if (outcome.status === 'failed') {
      // Show the errors: console tab, and the first guest with markers.
      setPanel('console');
      const firstBad = guests.findIndex((g) => outcome.guests.includes(g.name));
      if (firstBad >= 0) setActiveGuest(firstBad);
    }
  }, [runner, guests, settings.timeLimitMs, example, hosts, component.opened, component.settings, beginRun, trust, backend, revealOutput]);

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

  // While a component is open it is the guest the Hosts tab configures (and Run runs).
  const { opened, settings: openedSettings, updateSettings: updateOpened } = component;
  const panelGuests = useMemo(() => (opened ? [openedGuest(opened, openedSettings)] : guests), [opened, openedSettings, guests]);
  const updateGuestHosts = useMemo(() => (opened ? (_: number, patch: GuestHostsPatch) => updateOpened(patch) : ws.updateGuest), [opened, updateOpened, ws.updateGuest]);
  const ctx: PanelContext = useMemo(
    () => ({
      traceStore: runs.view,
      runs: embed ? undefined : runs,
      console: runner.console.lines,
      consoleHistory: runner.console.history,
      clearConsole: runner.console.clear,
      example: example.id === SCRATCH_ID ? undefined : example,
      guests: panelGuests,
      phase: runner.phase,
      buildProgress: runner.progress,
      selectedEventId,
      selectEvent,
      showPanel: setPanel,
      hosts: ws.workspace.hosts,
      setHosts: trust.setHosts,
      unreviewedHostCode: trust.unreviewed,
      updateGuestHosts: learn.active ? undefined : updateGuestHosts,
      openExample: embed ? undefined : openExample,
      backendSettings: embed ? undefined : <BackendSettings backend={backend} />,
    }),
    [runner.console.lines, runner.console.history, runner.console.clear, example, panelGuests, runner.phase, runner.progress, selectedEventId, ws.workspace.hosts, trust.setHosts, trust.unreviewed, updateGuestHosts, embed, openExample, runs, learn.active, backend],
  );

  return (
    <div className="app">
      {embed ? (
        <EmbedHeader title={ws.origin === 'share' ? ws.name.replace(/^Shared: /, '') : example.title} phase={runner.phase} status={shownStatus.text} onRun={() => void run()} onStop={runner.stop} onOpenFull={() => window.open(shareLink(current, location, false, guestIndex), '_blank', 'noopener')} stage={stage} backend={backend.choice.kind === 'nats' && <BackendBadge backend={backend} />} />
      ) : (
      <Header
        examples={examples}
        exampleId={example.id}
        exampleTitle={learn.active ? `Lesson: ${example.title}` : example.title}
        onPickExample={pickExample}
        afterPicker={<LearnEntry learn={learn} />}
        settings={settings}
        onSettings={onSettings}
        phase={runner.phase}
        status={shownStatus.text}
        statusDown={shownStatus.down}
        onRun={() => void run()}
        onStop={runner.stop}
        onReset={resetSources}
        settingsExtra={<BackendSettings backend={backend} />}
        extra={
          <>
            <BackendBadge backend={backend} />
            <WorkspacesMenu ws={ws} onError={(text) => notices.show({ id: 'workspaces', kind: 'error', text })} />
            <StorageMenu />
            <ShareMenu workspace={current} name={ws.name} opened={component.opened && { ...component.opened, settings: component.settings }} natsServer={backend.choice.kind === 'nats' ? backend.choice.servers : undefined} activeGuest={learn.active ? 0 : guestIndex} onError={(text) => notices.show({ id: 'import', kind: 'error', text })} onImport={(workspace, file) => (notices.dismiss('import'), openWorkspace({ kind: 'workspace', workspace, name: `Imported: ${file.replace(/\.json$/i, '')}`, origin: 'file' }))} />
            <StageFocusSwitch layout={stage} />
            <PresenterControls presenter={presenter} stageTitle={stagePanel?.title ?? 'Output'} offerStage={panel !== 'debates'} />
          </>
        }
      />
      )}
      <NoticeBar notices={notices.list} onDismiss={notices.dismiss} />
      <HostTrustPrompt trust={trust} />
      <BackendOffer backend={backend} />
      {welcome.active && !embed && !learn.active && !presenter.present && (
        <WelcomeStrip examples={examples} current={example.id} onOpen={(id) => (learn.leave(), openExample(id))} onDismiss={welcome.dismiss} />
      )}
      {!embed && !learn.active && (
        <ExampleDescription title={example.title} text={(backend.choice.kind === 'nats' && example.natsDescription) || example.description} />
      )}
      {/* Not in a lesson: Check judges the editors' code, not an opened .wasm, and at 1024×768 the
          row pushed the lesson's task below the screen. */}
      {!embed && !learn.active && <ComponentToolbar guest={guest} state={component} />}
      <LearnLayout learn={learn} onReset={resetSources}>
      {guests.length > 1 && <GuestTabs guests={guests} active={guestIndex} onSelect={setActiveGuest} diagnostics={markers} />}
      <main className="panes" data-focus={stage.focus} data-single={stage.single || undefined} style={{ gridTemplateColumns: stage.columns }}>
        {component.opened ? (
          <ComponentWitPane component={component.opened} />
        ) : guest ? (
          <EditorPane lang="wit" title="WIT" guest={guest.name} value={guest.wit} onChange={(wit) => updateGuest(guestIndex, { wit })} diagnostics={diags.filter((d) => d.file === 'wit')} fontSize={fontSize} plain={settings.plainEditor} testId="wit-editor" readOnly={readOnly} />
        ) : (
          <div className="pane empty">This example has no guests.</div>
        )}
        <PaneSplitter index={0} onResize={onResize} label="Resize WIT and guest editors" />
        <ComponentDropZone onFile={(f) => void component.open(f)}>
          {component.opened ? (
            <ComponentInfoPane component={component.opened} onClose={component.close} onCallArgs={(callArgs) => component.updateSettings({ callArgs })} />
          ) : guest ? (
            <EditorPane lang={guest.lang} title="Guest" guest={guest.name} value={guest.source} onChange={(source) => updateGuest(guestIndex, { source })} diagnostics={diags.filter((d) => d.file === 'guest')} fontSize={fontSize} plain={settings.plainEditor} testId="guest-editor" readOnly={readOnly} wit={guest.wit} />
          ) : (
            <div className="pane" />
          )}
        </ComponentDropZone>
        <PaneSplitter index={1} onResize={onResize} label="Resize guest editor and output" />
        <OutputPane ctx={ctx} active={panel} onSelect={setPanel} />
      </main>
      </LearnLayout>
      {presenter.fullscreen && <FullscreenPanel ctx={ctx} phase={runner.phase} status={shownStatus.text} onRun={() => void run()} onClose={() => presenter.setFullscreen(false)} />}
    </div>
  );
}
