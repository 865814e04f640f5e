import { readFile } from 'node:fs/promises';
const root = new URL('file:///work/wt-h-cold/');
const mode = process.argv[2];
const WIT = `package local:bench;
interface host { greet: func(name: string) -> string; }
world bench { import host; export run: func() -> string; }`;
const engine = new Uint8Array(await readFile(new URL('node_modules/@bytecodealliance/componentize-js/lib/starlingmonkey_embedding.wasm', root)));
let t = performance.now();
const { splicer } = await import('@bytecodealliance/componentize-js/lib/spidermonkey-embedding-splicer.js').catch(() => import('/work/wt-h-cold/node_modules/@bytecodealliance/componentize-js/lib/spidermonkey-embedding-splicer.js'));
console.log('load', Math.round(performance.now() - t));
if (mode === 'warm') {
  t = performance.now();
  const small = new Uint8Array(await readFile(process.argv[3]));
  try { splicer.stubWasi(small, ['stdio', 'random', 'clocks'], WIT, undefined, 'bench'); } catch (e) { console.log('warm err', String(e).slice(0, 100)); }
  try { splicer.spliceBindings(small, ['stdio', 'random', 'clocks'], WIT, undefined, 'bench', false); } catch (e) { console.log('warm err2', String(e?.payload ?? e).slice(0, 100)); }
  console.log('warm', Math.round(performance.now() - t));
}
t = performance.now();
splicer.spliceBindings(engine, ['stdio', 'random', 'clocks'], WIT, undefined, 'bench', false);
console.log('splice', Math.round(performance.now() - t));
t = performance.now();
splicer.spliceBindings(engine, ['stdio', 'random', 'clocks'], WIT, undefined, 'bench', false);
console.log('splice2', Math.round(performance.now() - t));
