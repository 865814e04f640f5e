#!/usr/bin/env node
// Node timing of the in-browser JS-guest pipeline (src/toolchain/js), loaded through Vite's SSR
// module loader so the TypeScript sources run unchanged. Measures, in one cold process:
//   first build (splicer load + splice + init + snapshot + stub + componentNew),
//   full rebuild after a JS-only edit, fast Run rebuild (snapshot patched into the previous core),
//   and, for reference, componentize-js with native Wizer.
// Usage: node bench/jsBuildNode.mjs [--no-reference]
import { readFile } from 'node:fs/promises';
import { createServer } from 'vite';
import { generate, $init } from '@bytecodealliance/jco-transpile/component';

const root = new URL('../', import.meta.url);
const WIT = `package local:bench;
interface host { greet: func(name: string) -> string; }
world bench { import host; export run: func() -> string; }`;
const source = (tag) => `import { greet } from 'local:bench/host';
const names = ['ada', 'grace', 'linus'];
export function run() { return names.map((n) => greet(n)).join(', ') + ' ${tag}'; }`;

const ms = (n) => `${Math.round(n)} ms`;

async function main() {
  const server = await createServer({
    root: new URL('.', root).pathname,
    configFile: false,
    logLevel: 'error',
    server: { middlewareMode: true, hmr: false },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const { componentizeJs } = await server.ssrLoadModule('/src/toolchain/js/componentizeInBrowser.ts');
    const { rebuildJsCoreModule } = await server.ssrLoadModule('/src/toolchain/js/patchCoreModule.ts');
    const t0 = performance.now();
    const [engine, adapter] = await Promise.all([
      readFile(new URL('node_modules/@bytecodealliance/componentize-js/lib/starlingmonkey_embedding.wasm', root)),
      readFile(new URL('node_modules/@bytecodealliance/jco/lib/wasi_snapshot_preview1.reactor.wasm', root)),
    ]);
    const assets = { engine: new Uint8Array(engine), adapter: new Uint8Array(adapter) };
    const readMs = performance.now() - t0;

    const input = { witSource: WIT, worldName: 'bench', assets };
    const first = await componentizeJs({ ...input, source: source('v1') });
    console.log(`first build:   ${ms(first.timings.totalMs + readMs)} (read engine ${ms(readMs)})`, first.timings);
    const second = await componentizeJs({ ...input, source: source('v2') });
    console.log(`full rebuild:  ${ms(second.timings.totalMs)}`, second.timings);

    await $init;
    const tg = performance.now();
    const out = generate(second.component, { name: 'guest', noTypescript: true, instantiation: { tag: 'async' } });
    const generateMs = performance.now() - tg;
    console.log(`jco transpile of the component: ${ms(generateMs)} (the fast path skips this too)`);
    const previousCore = new Map(out.files).get('guest.core.wasm');
    const fast = await rebuildJsCoreModule({ ...input, source: source('v3'), previousCore });
    console.log(`fast rebuild:  ${ms(fast.timings.totalMs)}`, fast.timings);
    console.log(`component size: ${(first.component.length / 1e6).toFixed(1)} MB`);

    if (!process.argv.includes('--no-reference')) {
      const { componentizeNode } = await import(new URL('scripts/componentizeNode.mjs', root).href);
      const ref = await componentizeNode({ source: source('v1'), witSource: WIT, worldName: 'bench' });
      console.log(`componentize-js + native Wizer: ${ms(ref.ms)} (${(ref.component.length / 1e6).toFixed(1)} MB)`);
    }
  } finally {
    await server.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
