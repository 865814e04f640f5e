// Makes the WASI 0.3 example guests (WAT + WIT in src/examples/p3) into components, the way
// wasm-tools would (parse → embed the world → component new), so the built site ships each
// one as a .wasm next to its source: people run them in other hosts or open them here.
// Used by vite.config.ts (emitted under components/ at build, served the same in dev).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { componentEmbed, componentNew, parse } from '@bytecodealliance/jco-transpile/wasm-tools';

const root = new URL('..', import.meta.url).pathname;
const SOURCES = join(root, 'src/examples/p3');

/** Every shipped WIT package (`wit/<dir>/*.wit`) by its declared id. */
function shippedPackages() {
  const byId = new Map();
  for (const dir of readdirSync(join(root, 'wit'), { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const file of readdirSync(join(root, 'wit', dir.name)).filter((f) => f.endsWith('.wit'))) {
      const text = readFileSync(join(root, 'wit', dir.name, file), 'utf8');
      const id = /^package ([^;\s]+);/m.exec(text)?.[1];
      if (id) byId.set(id, text);
    }
  }
  return byId;
}

/** The user WIT plus every package it refers to (transitively), nested as `package x { … }`. */
function withDependencies(wit, packages) {
  const needed = new Set();
  const visit = (text) => {
    for (const m of text.matchAll(/\b([a-z][\w-]*:[a-z][\w-]*)\/[\w-]+(?:\.\{[^}]*\})?@([\w.+-]+)/g)) {
      const id = `${m[1]}@${m[2]}`;
      if (needed.has(id) || !packages.has(id)) continue;
      needed.add(id);
      visit(packages.get(id));
    }
  };
  visit(wit);
  const nested = [...needed].map((id) => `${packages.get(id).replace(/^package ([^;]+);/m, 'package $1 {')}\n}\n`);
  return [wit, ...nested].join('\n');
}

/**
 * Builds every `<name>.wat` with its `<name>.wit` (world = the WIT's only world). Returns
 * one entry per component: file name, bytes, world, source paths and a sha-256, in a stable
 * order so the emitted index does not churn.
 */
export async function buildPrebuiltComponents() {
  const packages = shippedPackages();
  const out = [];
  for (const wat of readdirSync(SOURCES).filter((f) => f.endsWith('.wat')).sort()) {
    const name = basename(wat, '.wat');
    const witText = readFileSync(join(SOURCES, `${name}.wit`), 'utf8');
    const world = /^world ([\w-]+)/m.exec(witText)?.[1];
    if (!world) throw new Error(`${name}.wit declares no world`);
    const core = await parse(readFileSync(join(SOURCES, wat), 'utf8'));
    const bytes = await componentNew(await componentEmbed({ binary: core, witSource: withDependencies(witText, packages), world }));
    out.push({
      file: `${world}.wasm`,
      world,
      sources: [`src/examples/p3/${wat}`, `src/examples/p3/${name}.wit`],
      bytes: Buffer.from(bytes),
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  return out;
}

/** The `components/index.json` the site serves: what each prebuilt file is, without the bytes. */
export function prebuiltIndex(components) {
  return JSON.stringify(
    { format: 'wcp-prebuilt/1', components: components.map(({ file, world, sources, bytes, sha256 }) => ({ file, world, sources, size: bytes.length, sha256 })) },
    null,
    2,
  );
}
