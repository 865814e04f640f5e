/**
 * What a warm-up initialises the JS engine over (buildWorker's `warm`, see
 * preinitializeGuest): a fixed module of this playground's, never the guest's code. A guest
 * comes from the workspace or from a stranger's link, and its top level may loop forever; the
 * warm-up runs before anyone pressed Run, in the build worker every build shares, so a guest
 * there could stall all builds on page load, again after every reload. This module only
 * exercises what most guests touch at start-up (module evaluation, classes, closures,
 * strings, JSON, typed arrays, Map), so V8 compiles those paths of the engine ahead of the
 * first build. It need not match the world's exports: the result is dropped, a missing export
 * only ends the warm-up early.
 */
export const WARM_UP_SOURCE = `// WASI Cloud Playground: JS engine warm-up (not your code)
const encoder = new TextEncoder();
const decoder = new TextDecoder();
class Tally {
  #counts = new Map();
  add(key, n = 1) { this.#counts.set(key, (this.#counts.get(key) ?? 0) + n); return this; }
  toJSON() { return Object.fromEntries([...this.#counts].sort(([a], [b]) => a.localeCompare(b))); }
}
const tally = new Tally().add('warm').add('up', 2);
const text = JSON.stringify({ tally, list: [1, 2, 3].map((x) => x * 2), at: 'warm-up' });
const bytes = encoder.encode(text);
const round = JSON.parse(decoder.decode(bytes));
export function run() { return \`\${round.at} \${bytes.length}\`; }
`;
