/**
 * Human wording for the build worker's progress stages (see src/toolchain/js/snapshotJsGuest.ts
 * JsBuildStage and buildComponent.ts), shown in the status bar while a guest builds. A JS
 * build's first run spends seconds in "loading the JS engine" and "splicing", so the user
 * should see where the time goes.
 */
const LABELS: Record<string, string> = {
  'strip-types': 'stripping TypeScript types',
  'load-toolchain': 'loading the JS engine',
  download: 'downloading the JavaScript engine (≈5 MB, first build only)',
  'shipped-engine': 'downloading the JavaScript engine made for this example (≈6 MB, first build only)',
  splice: 'splicing WIT bindings into the engine',
  'engine-ready': 'the JavaScript engine for this world is ready (prepared ahead)',
  'cached-engine': 'loading the JS engine kept from your last visit',
  initialize: 'initializing your JavaScript',
  'stub-wasi': 'stubbing unused WASI imports',
  'component-new': 'wrapping the component',
  patch: 'patching the previous build',
  transpile: 'transpiling for the browser',
  assemble: 'assembling WAT',
  'read-component': 'reading the component',
  done: 'finishing',
  failed: 'build failed',
};

/** Label for a progress stage, with its progress when known ("… 42%"); unknown stages are shown as they are. */
export function describeBuildStage(stage: string, fraction?: number): string {
  const label = LABELS[stage] ?? stage;
  return fraction === undefined ? label : `${label} ${Math.round(fraction * 100)}%`;
}

/** Stages of a slow (JavaScript) build worth a console line each: the user sees where the seconds go. */
export function isMilestoneStage(stage: string): boolean {
  return stage !== 'done' && stage !== 'failed' && stage in LABELS;
}
