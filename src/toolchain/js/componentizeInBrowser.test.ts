// HEAVY (≈50 s on 2 cores): builds real StarlingMonkey components. Runs the in-browser
// pipeline under Node, transpiles the result with jco, runs it with preview2-shim, and compares
// it with componentize-js + native Wizer (scripts/componentizeNode.mjs).
import { describe, expect, it } from 'vitest';
import { readJsToolchainAssets } from './readJsToolchainAssets.testing';
import { componentizeJs, type JsBuildStage } from './componentizeInBrowser';
import { patchCoreModule, rebuildJsCoreModule, withoutStateData } from './patchCoreModule';
import { instantiateTranspiled, runComponentInNode, transpileComponent } from './runComponentInNode.testing';
import { snapshotJsGuest, warmJsWorld } from './snapshotJsGuest';
import { finishComponent } from './componentizeInBrowser';
import { COMPONENTIZE_JS_VERSION, loadSplicer } from './loadJsToolchainAssets';
import { generateBindings } from '../generateBindings';
import { analyzeWit, type WorldAnalysis } from '../analyzeWit';

function worldOf(wit: string): WorldAnalysis {
  const analysis = analyzeWit(wit);
  if (!analysis.ok) throw new Error('bad test WIT');
  return analysis.world;
}


const PLAIN_WIT = `package local:plain;
world plain { export run: func() -> string; }`;
const PLAIN_SOURCE = `
const table = [3, 1, 2].sort().map((n) => n * 10);
let calls = 0;
export function run() {
  calls += 1;
  return \`table=\${table.join(',')} calls=\${calls} json=\${JSON.stringify({ a: [1, { b: null }] })}\`;
}`;

const IMPORT_WIT = `package local:greeter;
interface host { greet: func(name: string) -> string; }
world greeter { import host; export run: func() -> string; }`;
const importSource = (suffix: string) => `
import { greet } from 'local:greeter/host';
const names = ['ada', 'grace'];
export function run() { return names.map((n) => greet(n)).join(' & ') + '${suffix}'; }`;

describe('componentizeJs (in-browser pipeline under Node)', { timeout: 120_000 }, () => {
  it('builds a guest with no imports that runs and keeps module state', async () => {
    const stages: JsBuildStage[] = [];
    const assets = await readJsToolchainAssets();
    await warmJsWorld({ witSource: PLAIN_WIT, worldName: 'plain', assets });
    const { component, timings } = await componentizeJs({
      source: PLAIN_SOURCE, witSource: PLAIN_WIT, worldName: 'plain', assets, onProgress: (s) => stages.push(s),
    });
    expect(stages).toEqual(['load-toolchain', 'engine-ready', 'initialize', 'stub-wasi', 'component-new', 'patch', 'done']);
    expect(timings.spliceMs).toBe(0); // warmed above
    const guest = await runComponentInNode(component, {});
    expect(guest.run()).toBe('table=10,20,30 calls=1 json={"a":[1,{"b":null}]}');
    expect(guest.run()).toBe('table=10,20,30 calls=2 json={"a":[1,{"b":null}]}');
  });

  it('matches componentize-js + native Wizer for a guest importing a function, and rebuilds from cache', async () => {
    const assets = await readJsToolchainAssets();
    const host = { 'local:greeter/host': { greet: (name: string) => `hello ${name}` } };
    const first = await componentizeJs({ source: importSource('!'), witSource: IMPORT_WIT, worldName: 'greeter', assets });
    expect(first.timings.spliceMs).toBeGreaterThan(0);
    const browserGuest = await runComponentInNode(first.component, host);
    expect(browserGuest.run()).toBe('hello ada & hello grace!');

    // @ts-expect-error plain .mjs script without type declarations
    const { componentizeNode } = (await import('../../../scripts/componentizeNode.mjs')) as {
      componentizeNode: (i: { source: string; witSource: string; worldName: string }) => Promise<{ component: Uint8Array }>;
    };
    const reference = await componentizeNode({ source: importSource('!'), witSource: IMPORT_WIT, worldName: 'greeter' });
    const nodeGuest = await runComponentInNode(reference.component, host);
    expect(browserGuest.run()).toBe(nodeGuest.run());

    // A JS-only edit reuses the spliced, compiled engine for this world.
    const second = await componentizeJs({ source: importSource('?'), witSource: IMPORT_WIT, worldName: 'greeter', assets });
    expect(second.timings.spliceMs).toBe(0);
    expect((await runComponentInNode(second.component, host)).run()).toBe('hello ada & hello grace?');
    console.info('[jsBuild] first', fmt(first.timings), '\n[jsBuild] rebuild', fmt(second.timings));

    // Fast Run path: patch a new snapshot into the previous build's transpiled core module.
    const previous = await transpileComponent(second.component);
    const fast = await rebuildJsCoreModule({
      source: importSource('#'), witSource: IMPORT_WIT, worldName: 'greeter', assets, previousCore: previous.files.get('guest.core.wasm')!,
    });
    const patched = { ...previous, files: new Map(previous.files).set('guest.core.wasm', fast.coreModule) };
    expect((await instantiateTranspiled(patched, host)).run()).toBe('hello ada & hello grace#');
    console.info('[jsBuild] fast rebuild', fmt(fast.timings));
  });

  it('fast-path patching yields byte-for-byte the core module a full build transpiles to', async () => {
    const assets = await readJsToolchainAssets();
    const snap = await snapshotJsGuest({ source: importSource('='), witSource: IMPORT_WIT, worldName: 'greeter', assets });
    const full = await transpileComponent((await finishComponent(snap, { witSource: IMPORT_WIT, worldName: 'greeter', assets })).component);
    const other = await componentizeJs({ source: PLAIN_SOURCE.replace('run()', 'ignored()') + importSource('x'), witSource: IMPORT_WIT, worldName: 'greeter', assets });
    const template = (await transpileComponent(other.component)).files.get('guest.core.wasm')!;
    expect(Buffer.from(patchCoreModule(template, snap.wasm)).equals(Buffer.from(full.files.get('guest.core.wasm')!))).toBe(true);
    // A kept build's base without its data (storedJsBuilds.ts) patches to the same bytes.
    const stripped = withoutStateData(template);
    expect(template.length - stripped.length).toBeGreaterThan(1e6);
    expect(Buffer.from(patchCoreModule(stripped, snap.wasm)).equals(Buffer.from(full.files.get('guest.core.wasm')!))).toBe(true);
    // The fast path patches the snapshot's sections without writing its module first: same bytes.
    expect(Buffer.from(patchCoreModule(template, snap.sections)).equals(Buffer.from(full.files.get('guest.core.wasm')!))).toBe(true);
    // The fast Run path patches straight from the engine's memory (snapshots differ between runs:
    // the engine seeds its hashes randomly): the same bytes as from the data section's body.
    let direct: Uint8Array | undefined;
    let viaBodies: Uint8Array | undefined;
    await snapshotJsGuest({
      source: importSource('='), witSource: IMPORT_WIT, worldName: 'greeter', assets,
      patchSnapshot: (sections) => {
        direct = patchCoreModule(template, sections);
        viaBodies = patchCoreModule(template, sections.map((s) => ({ id: s.id, body: s.body })));
      },
    });
    expect(direct && viaBodies && Buffer.from(direct).equals(Buffer.from(viaBodies))).toBe(true);
    const plainCore = (await transpileComponent((await componentizeJs({ source: PLAIN_SOURCE, witSource: PLAIN_WIT, worldName: 'plain', assets })).component)).files.get('guest.core.wasm')!;
    expect(() => patchCoreModule(plainCore, snap.wasm)).toThrow(/different WIT world/);
  });

  it('builds from the world shell byte for byte what stubWasi + componentNew of the snapshot give', async () => {
    const assets = await readJsToolchainAssets();
    const input = { witSource: IMPORT_WIT, worldName: 'greeter', assets };
    const snap = await snapshotJsGuest({ ...input, source: importSource('~') });
    // componentize-js's way: the whole 12 MB engine through stubWasi, componentNew and metadataAdd.
    const splicer = await loadSplicer();
    const { componentNew, metadataAdd } = await import('@bytecodealliance/jco-transpile/wasm-tools');
    const stubbed = splicer.stubWasi(snap.wasm, [...snap.features], IMPORT_WIT, undefined, 'greeter');
    const direct = await metadataAdd(await componentNew(stubbed, [['wasi_snapshot_preview1', assets.adapter]]), [
      ['language', [['JavaScript', '']]],
      ['processed-by', [['ComponentizeJS', COMPONENTIZE_JS_VERSION]]],
    ]);
    const fromShell = await finishComponent(snap, input);
    expect(Buffer.from(fromShell.component).equals(Buffer.from(direct))).toBe(true);
    // Transpiling the shell and swapping its modules gives jco's output for the component.
    const viaShell = await generateBindings(fromShell.component, worldOf(IMPORT_WIT), false, undefined, () => {}, fromShell.bindings);
    const whole = await generateBindings(direct, worldOf(IMPORT_WIT), false, '', () => {});
    expect(viaShell.files.map(([n]) => n)).toEqual(whole.files.map(([n]) => n));
    viaShell.files.forEach(([, b], i) => expect(Buffer.from(b).equals(Buffer.from(whole.files[i]![1]))).toBe(true));
  });

  it('reports a syntax error in the guest with the engine message', async () => {
    const build = componentizeJs({ source: 'export function run() { return (; }', witSource: PLAIN_WIT, worldName: 'plain', assets: await readJsToolchainAssets() });
    await expect(build).rejects.toThrow(/failed to initialise[\s\S]*SyntaxError/);
    const missing = componentizeJs({ source: 'export function other() {}', witSource: PLAIN_WIT, worldName: 'plain', assets: await readJsToolchainAssets() });
    await expect(missing).rejects.toThrow(/Unable to extract expected exports list\):\nError: "source.js" does not export a "run" function/);
  });
});

function fmt(t: object): string {
  return Object.entries(t).map(([k, v]) => `${k}=${Math.round(v)}`).join(' ');
}
