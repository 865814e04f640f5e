/// <reference lib="webworker" />
import { $init as bindgenReady } from '@bytecodealliance/jco-transpile/component';
import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { validateBuildRequest, type BuildRequest, type BuildResponse, type TypesRequest, type WarmRequest } from '../protocol/buildProtocol';
import { analyzeWit, type WorldAnalysis } from './analyzeWit';
import { generateGuestTypes } from './generateGuestTypes';
import { describeCoreSignatures } from './describeCoreSignatures';
import { buildComponent, messageOf, worldKeyOf, type ComponentizeGuest, type PreviousBuild, type RebuildGuest } from './buildComponent';
import { setEngineProgressListener } from './js/engineProgress';
import { holdCacheWrite, setEngineSavingListener } from './js/trackCacheWrites';
import { jsArtifactForPage } from './js/jsArtifactForPage';
import { prepareSpare } from './js/spareBuffers';
import { WARM_UP_SOURCE } from './js/warmUpSource';

/**
 * Long-lived build worker: loads the toolchain once, then serves build requests one at a
 * time. A request superseded by a newer one before it starts is skipped, so typing fast
 * never queues stale builds.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: BuildResponse, transfer: Transferable[] = []) => scope.postMessage(msg, transfer);

// Engine download progress goes to the page as it happens, whichever request started it.
setEngineProgressListener((p) => post({ type: 'engine-progress', ...p }));
// So are the cache writes a returning visit needs (trackCacheWrites.ts): closing the page loses them.
setEngineSavingListener((s) => post({ type: 'engine-saving', ...s }));

const t0 = performance.now();
const ready = Promise.all([bindgenReady, parse('(module)')]).then(() => post({ type: 'ready', loadMs: performance.now() - t0 }));

/** Newest request per slot: an older queued request of the same slot is skipped. */
const latest = new Map<string, number>();
let chain: Promise<void> = Promise.resolve();

/** JS/TS guests need the SpiderMonkey engine (~10 MB): loaded on first use only. */
const componentizeJs: ComponentizeGuest = async (guest, world, progress) => {
  const mod = await import('./js/componentizeGuest');
  return mod.componentizeGuest(guest, world, progress);
};
const rebuildJs: RebuildGuest = async (guest, world, previousFiles, progress) => {
  const mod = await import('./js/componentizeGuest');
  return mod.rebuildGuestFiles(guest, world, previousFiles, progress);
};

/** The TS → stripped-JS source map (TypeScript is loaded already: the build just used it). */
async function tsSourceMap(source: string): Promise<string> {
  const mod = await import('./js/stripTypes');
  return (await mod.stripTypes(source, 'guest.ts')).sourceMap;
}

/**
 * A full build of this world kept in IndexedDB by an earlier visit (see storedJsBuilds.ts). The
 * fast path from it also needs the world's spliced engine (another IndexedDB read + compile),
 * started as soon as the stored build is found.
 */
const readStoredBuild = (worldKey: string, world: WorldAnalysis): Promise<PreviousBuild | undefined> => {
  // A warm-up may have started this read already (the page warms a JS guest's world on load).
  const early = storedReads.get(worldKey);
  storedReads.delete(worldKey);
  return early ?? startStoredRead(worldKey, world);
};

/** Stored-build reads started by a warm-up, taken by the world's next build (≈25 MB each: at most 2). */
const storedReads = new Map<string, Promise<PreviousBuild | undefined>>();

async function startStoredRead(worldKey: string, world: WorldAnalysis): Promise<PreviousBuild | undefined> {
  const [stored, engine] = await Promise.all([import('./js/storedJsBuilds'), import('./js/snapshotJsGuest')]);
  const found = await stored.findStoredJsBuild(worldKey);
  // Only a returning visit (a stored build) starts the world's splice here, which then reads
  // the stored splice back (while the build is read, where finding it needs no read). Without
  // one, the full build that follows starts it itself, so a first visit's engine download is
  // reported by that build ("downloading the JavaScript engine", with progress) instead of
  // running unseen while this read was under way. A failure surfaces in the build that waits
  // for the splice, with its own diagnostics.
  if (found) engine.warmJsWorld({ witSource: world.source, worldName: world.world }).catch(() => {});
  return found?.read();
}

/** Last successful JS/TS build per slot: the base of the fast Run path after JS-only edits. */
const previousJs = new Map<string, PreviousBuild>();

/** Builds received and not finished: a warm-up leaves the engine's first initialisation to them. */
let buildsWaiting = 0;
/** Worlds whose engine a warm-up has initialised once in this worker (see preinitializeGuest). */
const preinitialized = new Set<string>();

/** Splices the JS engine for a WIT world ahead of the first JS build (see WarmRequest). */
async function warm(req: WarmRequest): Promise<void> {
  const analysis = analyzeWit(req.wit, req.world);
  if (!analysis.ok) return;
  const world = analysis.world;
  const key = worldKeyOf(world);
  // A returning visit: bring this world's stored build (if any) into memory with the engine.
  if (![...previousJs.values()].some((p) => p.worldKey === key) && !storedReads.has(key)) {
    storedReads.set(key, startStoredRead(key, world).catch(() => undefined));
    while (storedReads.size > 2) storedReads.delete(storedReads.keys().next().value!);
  }
  const mod = await import('./js/snapshotJsGuest');
  const spliced = await mod.warmJsWorld({ witSource: world.source, worldName: world.world }).then(
    () => true,
    () => false,
  );
  // Initialise the engine once (over the playground's stand-in, never the guest's code: see
  // warmUpSource.ts), so the first build finds its functions compiled.
  // Not when a build is already waiting: it initialises the engine itself, and runs first.
  if (!spliced || !req.initialize || buildsWaiting > 0 || preinitialized.has(key)) return;
  preinitialized.add(key);
  const js = await import('./js/componentizeGuest');
  if (buildsWaiting === 0) await js.preinitializeGuest({ lang: 'js', source: WARM_UP_SOURCE }, world).catch(() => {});
}

scope.onmessage = (ev: MessageEvent<unknown>) => {
  const err = validateBuildRequest(ev.data);
  if (err) {
    post({ type: 'failed', seq: -1, diagnostics: [{ file: 'build', line: 1, column: 1, message: `build worker rejected a message: ${err}` }] });
    return;
  }
  if ((ev.data as { type: string }).type === 'types') {
    // Not queued behind builds: a first JS build takes seconds, and the declarations take ms.
    const req = ev.data as TypesRequest;
    // A WAT guest's signatures come from wit-component, which builds and warm-ups also call
    // (and which must not be entered twice at once): queued behind them, a WAT build takes ms.
    if (req.lang === 'wat') chain = chain.then(() => ready).then(async () => post({ type: 'types', seq: req.seq, core: await describeCoreSignatures(req.wit, req.world).catch(() => undefined) }));
    else void ready.then(() => post({ type: 'types', seq: req.seq, files: generateGuestTypes(req.wit, req.world) }));
    return;
  }
  if ((ev.data as { type: string }).type === 'warm') {
    // Queued like builds: a splice running concurrently with a build would only compete for the CPU.
    chain = chain.then(() => warm(ev.data as WarmRequest));
    return;
  }
  const req = ev.data as BuildRequest;
  const slot = req.slot ?? 'main';
  latest.set(slot, Math.max(latest.get(slot) ?? -1, req.seq));
  buildsWaiting++;
  chain = chain.then(() => handle(req)).finally(() => buildsWaiting--);
};

async function handle(req: BuildRequest): Promise<void> {
  const slot = req.slot ?? 'main';
  if (req.seq < (latest.get(slot) ?? -1)) return;
  await ready;
  const isJs = req.guest.lang === 'js' || req.guest.lang === 'ts';
  try {
    const outcome = await buildComponent(req.wit, req.guest, {
      world: req.world,
      componentize: componentizeJs,
      rebuild: rebuildJs,
      previous: isJs && !req.full ? previousJs.get(slot) : undefined,
      previousFor: isJs && !req.full ? readStoredBuild : undefined,
      progress: (stage, fraction) => post({ type: 'progress', seq: req.seq, stage, fraction }),
    });
    // The next fast path patches the same base as this one did (a fast path's new core module is
    // handed to the page without a copy, see below); a full build is the next base itself, minus
    // its component (handed over too: a base only lends its files, see buildComponent).
    const handOff = new Set<Uint8Array>();
    /** After a full JS build: the next Run is a fast path, whose module's buffer is made ready meanwhile. */
    let spareFor: number | undefined;
    if (outcome.ok && isJs) {
      const { artifact, worldKey } = outcome;
      if (outcome.base) {
        previousJs.set(slot, outcome.base);
        const kept = new Set(outcome.base.artifact.files.map(([, data]) => data));
        for (const [, data] of artifact.files) if (!kept.has(data)) handOff.add(data);
      } else {
        previousJs.set(slot, { artifact: { ...artifact, component: new Uint8Array(0) }, worldKey });
        handOff.add(artifact.component);
        spareFor = artifact.files.find(([name]) => name === 'guest.core.wasm')?.[1].length;
      }
      if (!outcome.base) {
        // Held before the result is posted, so the page hears "saving" before "built" (a test or
        // a visitor waiting for the save does not miss it); the write itself starts after.
        // The write it makes reports its own bytes: this hold only bridges the gap until it starts.
        const release = holdCacheWrite(0);
        void import('./js/storedJsBuilds').then((m) => m.storeJsBuild({ artifact, worldKey })).finally(() => release(0));
      }
    }
    // Stack traces at run time count lines in the stripped JS; the page maps them back with this.
    if (outcome.ok && req.guest.lang === 'ts') outcome.artifact = { ...outcome.artifact, sourceMap: await tsSourceMap(req.guest.source) };
    if (outcome.ok) {
      // JS artifacts: no stale component, large buffers transferred (see jsArtifactForPage).
      const page = isJs ? jsArtifactForPage(outcome.artifact, handOff) : { artifact: outcome.artifact, transfer: [] };
      post({ type: 'built', seq: req.seq, artifact: page.artifact }, page.transfer);
      if (spareFor) prepareSpare(spareFor);
    }
    else post({ type: 'failed', seq: req.seq, diagnostics: outcome.diagnostics, componentWit: outcome.componentWit });
  } catch (e) {
    post({ type: 'failed', seq: req.seq, diagnostics: [{ file: 'build', line: 1, column: 1, message: `internal build error: ${messageOf(e)}` }] });
  }
}
