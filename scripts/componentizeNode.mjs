#!/usr/bin/env node
// Reference build of a JavaScript guest with componentize-js running natively in Node (real Wizer).
// The in-browser pipeline in src/toolchain/js/ must produce a component that behaves identically;
// acceptance tests build the same guest both ways and compare the results.
//
// Usage: node scripts/componentizeNode.mjs --wit world.wit --world app --source guest.js --out guest.wasm
// Programmatic: import { componentizeNode } from './componentizeNode.mjs'.
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

/**
 * Builds a component with componentize-js (native Wizer pre-initialisation).
 * @param {{ source: string, witSource: string, worldName?: string }} input
 * @returns {Promise<{ component: Uint8Array, ms: number }>}
 */
export async function componentizeNode({ source, witSource, worldName }) {
  if (typeof source !== 'string' || source.length === 0) throw new Error('componentizeNode: source is empty');
  if (typeof witSource !== 'string' || witSource.length === 0) throw new Error('componentizeNode: witSource is empty');
  const { componentize } = await import('@bytecodealliance/componentize-js');
  const started = performance.now();
  // The (source, opts) form writes the source into componentize-js's own temp dir as source.js,
  // the same file name the in-browser pipeline uses, so error locations read the same.
  // http/fetch-event off, as in the browser (src/toolchain/js/snapshotJsGuest.ts JS_ENGINE_FEATURES):
  // the playground has no wasi:http host, and disabling them drops the wasi:http imports.
  const { component } = await componentize(source, { witWorld: witSource, worldName, disableFeatures: ['http', 'fetch-event'] });
  return { component, ms: performance.now() - started };
}

async function main() {
  const { values } = parseArgs({
    options: {
      wit: { type: 'string' },
      world: { type: 'string' },
      source: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (!values.wit || !values.source || !values.out) {
    console.error('usage: componentizeNode.mjs --wit <file.wit> [--world <name>] --source <guest.js> --out <out.wasm>');
    process.exit(2);
  }
  const [witSource, source] = await Promise.all([readFile(values.wit, 'utf8'), readFile(values.source, 'utf8')]);
  const { component, ms } = await componentizeNode({ source, witSource, worldName: values.world });
  await writeFile(values.out, component);
  console.log(`wrote ${values.out} (${component.length} bytes) in ${Math.round(ms)} ms`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
