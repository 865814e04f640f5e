// Splices every example's JS world at BUILD time (`vite build`) and builds its shell, so a first
// visit's build of an example fetches both instead of the engine (10.5 MB) and the splicer
// (5.7 MB), whose first run in a page costs seconds (src/toolchain/js/fetchShippedSplice.ts).
// Each world is emitted gzipped and content-hashed (assets/spliced-engine-<world>-<hash>.bin,
// ~6.2 MB each with the shell: packShippedSplice.ts); the virtual module
// `virtual:wcp-shipped-splices` is their manifest: each splice's full key (the same spliceKey the
// build worker computes), its URL, its decompressed length and the componentize-js version that made it. The splicing runs
// the site's own TypeScript (listShippedWorlds.ts, spliceShippedWorlds.ts) through a Vite SSR
// loader, with the engine binary the site serves.
//
// `npm run dev` (and vitest) gets an empty manifest: every world is spliced in the browser there,
// as before. WCP_SHIP_SPLICES=0 builds without them too (a quicker local build).
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const VIRTUAL = 'virtual:wcp-shipped-splices';
const RESOLVED = '\0' + VIRTUAL;
const root = new URL('..', import.meta.url).pathname;
const COMPONENTIZE_JS = 'node_modules/@bytecodealliance/componentize-js/';

/** The splices, made once per process (the worker bundles may ask more than once). */
let made;

async function makeSplices() {
  const t0 = performance.now();
  const { createServer } = await import('vite');
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    plugins: [shippedSplices({ splice: false })],
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const { spliceShippedWorlds } = await server.ssrLoadModule('/src/toolchain/js/spliceShippedWorlds.ts');
    const engine = new Uint8Array(await readFile(root + COMPONENTIZE_JS + 'lib/starlingmonkey_embedding.wasm'));
    const adapter = new Uint8Array(await readFile(root + 'node_modules/@bytecodealliance/jco/lib/wasi_snapshot_preview1.reactor.wasm'));
    const version = JSON.parse(await readFile(root + COMPONENTIZE_JS + 'package.json', 'utf8')).version;
    const out = (await spliceShippedWorlds(engine, adapter)).map((m) => ({
      key: m.world.key,
      name: m.world.worldName,
      gzipped: gzipSync(m.packed, { level: 9 }),
      bytes: m.packed.length,
      componentizeJs: version,
    }));
    const bytes = out.reduce((n, s) => n + s.gzipped.length, 0);
    console.log(`shipped splices: ${out.length} worlds, ${(bytes / 1e6).toFixed(1)} MB gzipped, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return out;
  } finally {
    await server.close();
  }
}

/** The plugin; `splice: false` only resolves the manifest as empty (dev, vitest, the loader above). */
export function shippedSplices({ splice = true } = {}) {
  let build = false;
  return {
    name: 'wcp-shipped-splices',
    configResolved(config) {
      build = config.command === 'build';
    },
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      if (!splice || !build || process.env.WCP_SHIP_SPLICES === '0') return 'export default [];';
      made ??= makeSplices();
      const entries = (await made).map((s) => {
        const ref = this.emitFile({ type: 'asset', name: `spliced-engine-${s.name}.bin`, source: s.gzipped });
        return `{ key: ${JSON.stringify(s.key)}, url: import.meta.ROLLUP_FILE_URL_${ref}, componentizeJs: ${JSON.stringify(s.componentizeJs)}, bytes: ${s.bytes} }`;
      });
      return `export default [\n${entries.join(',\n')}\n];`;
    },
  };
}
