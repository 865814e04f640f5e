// Probe (not part of the app): how much of a page's first splice is the splicer's own cold code?
// Splices the engine cold, then again warm; or first splices a stand-in engine (every K-th
// function body kept, the rest `unreachable`) and then the real engine. Served by Vite's dev
// server (bench/probeSplicerWarm.mjs), one fresh browser context per variant.
import { ByteReader, ByteWriter, readSections, SectionId, writeModule } from '../src/toolchain/js/wasmBinary';
import { loadJsToolchainAssets, loadSplicer } from '../src/toolchain/js/loadJsToolchainAssets';

const WIT = `package local:bench;
interface host { greet: func(name: string) -> string; }
world bench { import host; export run: func() -> string; }`;
const FEATURES = ['stdio', 'random', 'clocks'];

/** The engine with only every `keepEvery`-th function body kept (0: none), the rest `unreachable`. */
function standIn(engine: Uint8Array, keepEvery: number): Uint8Array {
  const sections = readSections(engine).map((s) => {
    if (s.id !== SectionId.code) return s;
    const r = new ByteReader(s.body);
    const n = r.u32();
    const w = new ByteWriter(keepEvery ? s.body.length : n * 4 + 8);
    w.u32(n);
    for (let i = 0; i < n; i++) {
      const size = r.u32();
      const body = r.take(size);
      if (keepEvery && i % keepEvery === 0) w.u32(size).bytes(body);
      else w.u32(3).bytes([0x00, 0x00, 0x0b]);
    }
    return { id: s.id, body: w.finish() };
  });
  return writeModule(sections);
}

async function probe(variant: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  let t = performance.now();
  const [splicer, assets] = await Promise.all([loadSplicer(), loadJsToolchainAssets()]);
  out.loadMs = performance.now() - t;
  const splice = (bytes: Uint8Array, label: string) => {
    const t0 = performance.now();
    const made = splicer.spliceBindings(bytes, FEATURES as never, WIT, undefined, 'bench', false);
    out[label] = performance.now() - t0;
    return made.wasm.length;
  };
  const m = /^standin(\d+)$/.exec(variant);
  if (m) {
    t = performance.now();
    const s = standIn(assets.engine, Number(m[1]));
    out.standInMs = performance.now() - t;
    out.standInKb = s.length / 1024;
    splice(s, 'standInSpliceMs');
  }
  splice(assets.engine, 'firstRealMs');
  splice(assets.engine, 'secondRealMs');
  return out;
}

(globalThis as { probe?: typeof probe }).probe = probe;
