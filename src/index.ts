/**
 * The engine's public surface. `web/` imports from here only, so the engine can be
 * tested and benchmarked without React and the UI never reaches into internals.
 */
export { distinctProblems, type BuildArtifact, type Diagnostic, type ExportedFunction, type GuestSource } from './protocol/buildProtocol';
export type { ExportCall, GuestMemory, LinkedGuest } from './protocol/runProtocol';
export { planLinks, type GuestLink, type LinkableGuest, type LinkError, type LinkPlan, type LinkPlanResult } from './runtime/linking/planLinks';
export { createBuildClient, type BuildClient, type BuildResult } from './toolchain/createBuildClient';
export { checkHostCode, prewarmHostSandbox } from './runtime/hostSandbox/openHostSandbox';
export { preloadHostCode } from './runtime/hostSandbox/preloadHostCode';
export type { EngineProgress } from './toolchain/js/engineProgress';
export type { EngineSaving } from './toolchain/js/trackCacheWrites';
export type { CoreFunction, CoreSignatures } from './toolchain/describeCoreSignatures';
export { createPositionMapper } from './toolchain/js/mapGeneratedPosition';
export { prewarmRunWorker, startGuest, type GuestHandle, type GuestListener, type GuestState, type StartOptions } from './runtime/startGuest';
export { createTraceStore, CROSS_TAB_EVENTS_PER_FLUSH, CROSS_TAB_FLUSH_MS, type TraceStore } from './trace/createTraceStore';
export type { RingBuffer } from './trace/createRingBuffer';
export type { TraceRun, StartRunOptions } from './trace/traceRuns';
export type { TraceEvent, HostCallEvent, MessageEvent_ as BusMessageEvent, LifecycleEvent, MessageAction } from './trace/traceEvent';
export { MESSAGE_ACTIONS } from './trace/traceEvent';
export { defaultHostConfig, type HostConfig, type CliConfig, type DrivenBy } from './hosts/hostContract';
export { cliRunCall, isCliRun } from './runtime/witNames';
export { ABORT_NOTICE, explainGuestTrap, explainJsTrap, type JsTrapExplanation, type ToSource } from './runtime/explainJsTrap';
export { grewDuringCall, isMemoryFull, megabytes, memoryLimit, saysAllocationFailed, type MemoryAtStop } from './runtime/describeMemory';
export { hostPackages } from './hosts/registry';
export { validatePattern, validateTopic } from './hosts/messaging/matchTopic';
export { validateFaultConfig, type FaultConfig, type CallFault } from './hosts/faults/faultConfig';
export { examples, type Example, type ExampleGuest } from './examples/index';
export { WIT_LANGUAGE_ID, witMonarchLanguage, witLanguageConfiguration } from './wit/witLanguage';
export { listWitNames, type WitNameOffer } from './wit/listWitNames';
// Workspaces: model, share links, files and IndexedDB persistence.
export { workspaceFromExample, DEFAULT_TIME_LIMIT_MS, type Workspace, type WorkspaceGuest, type WorkspaceHosts, type WorkspaceSettings, type GuestLang } from './workspace/workspaceTypes';
export { encodeShare, SHARE_PREFIX } from './share/encodeShare';
export { decodeShare, decodeShareLink, isShareHash, MAX_SHARE_BYTES, type SharedWorkspace } from './share/decodeShare';
export { ShareError } from './share/shareError';
export { detectUnknownLink } from './share/detectUnknownLink';
export { encodeComponentSegment, splitComponentSegment, MAX_LINKED_COMPONENT_BYTES, type SharedComponent, type SharedComponentSettings } from './share/componentSegment';
export { exportWorkspaceFile, importWorkspaceFile, readWorkspaceFile } from './share/workspaceFile';
export { createWorkspaceStore, getWorkspaceStore, listWorkspaces, loadWorkspace, saveWorkspace, deleteWorkspace, WORKSPACE_DB, type WorkspaceStore, type WorkspaceSummary, type SaveOptions } from './workspace/workspaceStore';
export { migrateRecord, type WorkspaceRecord } from './workspace/migrateRecord';
export { importLegacyWorkspaces, type LegacyImportResult } from './workspace/importLegacyWorkspaces';
export { WorkspaceStoreError, type WorkspaceStoreErrorKind } from './workspace/workspaceStoreError';
export { meetingTopics, type MeetingTopic } from './examples/meetingTopics';
// Learn mode: lessons, their format and Check.
export * from './learn/index';
// Everything the browser keeps, as one file (Storage menu).
export { exportEverything, importEverything, readBackup, BACKUP_FORMAT, type BackupV1, type ImportReport } from './storage/backupFile';
export { cliConfigOf, configValuesOf, joinCommandLine, splitCommandLine, splitPair, validatePair, type GuestHostInputs } from './workspace/guestHostInputs';
// Host backends: where hosts keep data and move messages (this browser, or a NATS server).
export type { BackendConfig } from './hosts/hostContract';
export { monitorNats, type NatsMonitorStatus } from './hosts/backend/nats/monitorNats';
export { debates2026 } from './examples/debates2026';
export { checkCompatibility, hostWorlds, interfacesOfWit, runsOn, type CompatRow, type CompatStatus, type HostWorld } from './compat/checkCompatibility';
/** SHA-256 of a text as hex, synchronous (Web Crypto is missing on http origins). */
export { sha256Hex } from './platform/sha256Hex';
export { createNextTask } from './platform/createNextTask';
export { splitLines } from './platform/splitLines';
export { diffLines, type DiffLine, type LineDiff } from './platform/diffLines';
export { commonEnds } from './share/textSplice';
export { codePointLabel, findHiddenCharacters, hiddenCharacterName, splitOnHidden, type HiddenCharacter } from './platform/findHiddenCharacters';
