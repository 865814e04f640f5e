/**
 * The engine's public surface. `web/` imports from here only, so the engine can be
 * tested and benchmarked without React and the UI never reaches into internals.
 */
export type { BuildArtifact, Diagnostic, ExportedFunction, GuestSource } from './protocol/buildProtocol';
export type { ExportCall } from './protocol/runProtocol';
export { createBuildClient, type BuildClient, type BuildResult } from './toolchain/createBuildClient';
export { prewarmRunWorker, startGuest, type GuestHandle, type GuestListener, type GuestState, type StartOptions } from './runtime/startGuest';
export { createTraceStore, type TraceStore } from './trace/createTraceStore';
export type { RingBuffer } from './trace/createRingBuffer';
export type { TraceEvent, HostCallEvent, MessageEvent_ as BusMessageEvent, LifecycleEvent } from './trace/traceEvent';
export { defaultHostConfig, type HostConfig, type CliConfig } from './hosts/hostContract';
export { cliRunCall, isCliRun } from './runtime/witNames';
export { hostPackages } from './hosts/registry';
export { validatePattern, validateTopic } from './hosts/messaging/matchTopic';
export { validateFaultConfig, type FaultConfig, type CallFault } from './hosts/faults/faultConfig';
export { examples, type Example, type ExampleGuest } from './examples/index';
export { WIT_LANGUAGE_ID, witMonarchLanguage, witLanguageConfiguration } from './wit/witLanguage';
// Workspaces: model, share links, files and IndexedDB persistence.
export { workspaceFromExample, DEFAULT_TIME_LIMIT_MS, type Workspace, type WorkspaceGuest, type WorkspaceHosts, type WorkspaceSettings, type GuestLang } from './workspace/workspaceTypes';
export { encodeShare, SHARE_PREFIX } from './share/encodeShare';
export { decodeShare, isShareHash, MAX_SHARE_BYTES } from './share/decodeShare';
export { ShareError } from './share/shareError';
export { exportWorkspaceFile, importWorkspaceFile } from './share/workspaceFile';
export { createWorkspaceStore, getWorkspaceStore, listWorkspaces, loadWorkspace, saveWorkspace, deleteWorkspace, WORKSPACE_DB, type WorkspaceStore, type WorkspaceSummary, type SaveOptions } from './workspace/workspaceStore';
export { migrateRecord, type WorkspaceRecord } from './workspace/migrateRecord';
export { importLegacyWorkspaces, type LegacyImportResult } from './workspace/importLegacyWorkspaces';
export { WorkspaceStoreError, type WorkspaceStoreErrorKind } from './workspace/workspaceStoreError';
export { meetingTopics, type MeetingTopic } from './examples/meetingTopics';
export { cliConfigOf, configValuesOf, joinCommandLine, splitCommandLine, splitPair, validatePair, type GuestHostInputs } from './workspace/guestHostInputs';
export { checkCompatibility, hostWorlds, interfacesOfWit, runsOn, type CompatRow, type CompatStatus, type HostWorld } from './compat/checkCompatibility';
