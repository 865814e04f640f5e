/**
 * Human wording for the build worker's progress stages (see src/toolchain/js/snapshotJsGuest.ts
 * JsBuildStage and buildComponent.ts), shown in the status bar while a guest builds. A JS
 * build's first run spends seconds in "loading the JS engine" and "splicing", so the user
 * should see where the time goes.
 */
const LABELS: Record<string, string> = {
  'strip-types': 'stripping TypeScript types',
  'load-toolchain': 'loading the JS engine',
  splice: 'splicing WIT bindings into the engine',
  initialize: 'initializing your JavaScript',
  'stub-wasi': 'stubbing unused WASI imports',
  'component-new': 'wrapping the component',
  patch: 'patching the previous build',
  transpile: 'transpiling for the browser',
  assemble: 'assembling WAT',
  'read-component': 'reading the component',
  done: 'finishing',
};

/** Label for a progress stage; unknown stages are shown as they are. */
export function describeBuildStage(stage: string): string {
  return LABELS[stage] ?? stage;
}
