// Does IndexedDB work issued from a JSPI import (JS running on the guest's suspendable stack)
// cost more than the same work from plain JS? One worker, alternating: idb-keyval-shaped
// set/get loop from plain JS, from a WebAssembly.Suspending import called by a wasm loop, and
// from that import with the IndexedDB calls deferred to a microtask (off the wasm stack).
// Prints per mode the µs spent issuing (transaction + request) per op and the ms per run.
//   AB_PORT=4630 node bench/probeJspiIdb.mjs 5 site=/tmp/site   (any built site: the page's origin)
import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { launchChromium, printLoad, serveSites, sitesFrom } from './abSites.mjs';

const rounds = Number(process.argv[2]);
const sites = sitesFrom(process.argv.slice(3), 4742);
const wasm = await parse(`(module (import "m" "f" (func $f (param i32) (result i32)))
  (func (export "run") (param $n i32) (result i32) (local $i i32) (local $s i32)
    (block $d (loop $l (br_if $d (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $s (i32.add (local.get $s) (call $f (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $l)))
    (local.get $s)))`);
const stop = await serveSites(sites, '/bench/index.html');
const browser = await launchChromium();
printLoad();
const worker = `
const VALUE = new TextEncoder().encode('a value of thirty-two bytes.....');
let issueUs = 0;
function open(name) { return new Promise((res, rej) => { const r = indexedDB.open(name); r.onupgradeneeded = () => r.result.createObjectStore('kv'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); }); }
function op(db, i, n, defer) {
  const issue = (resolve) => {
    const t = performance.now();
    const k = 'k-' + String(i % n).padStart(4, '0');
    if (i < n) { const tx = db.transaction('kv', 'readwrite'); tx.objectStore('kv').put(VALUE, k); tx.oncomplete = () => resolve(0); }
    else { const r = db.transaction('kv', 'readonly').objectStore('kv').get(k); r.onsuccess = () => resolve(r.result ? 1 : 0); }
    issueUs += (performance.now() - t) * 1000;
  };
  return new Promise((resolve) => (defer ? queueMicrotask(() => issue(resolve)) : issue(resolve)));
}
onmessage = async (e) => {
  const { mode, n, bytes } = e.data;
  const db = await open('probe-' + mode + '-' + Math.random());
  issueUs = 0;
  const t0 = performance.now();
  let found = 0;
  if (mode === 'plain') { for (let i = 0; i < 2 * n; i++) found += await op(db, i, n, false); }
  else {
    const f = new WebAssembly.Suspending((i) => op(db, i, n, mode === 'jspiDeferred'));
    const { instance } = await WebAssembly.instantiate(bytes, { m: { f } });
    found = await WebAssembly.promising(instance.exports.run)(2 * n);
  }
  const ms = performance.now() - t0;
  db.close();
  postMessage({ ms, issueUsPerOp: issueUs / (2 * n), found });
};`;
const res = {};
try {
  const page = await browser.newPage();
  await page.goto(`http://localhost:${sites[0].port}/bench/index.html`);
  const modes = ['plain', 'jspi', 'jspiDeferred'];
  const runOne = (mode) =>
    page.evaluate(
      ([src, mode, bytes]) =>
        new Promise((resolve) => {
          const w = (window.__probeWorker ??= new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' }))));
          w.onmessage = (e) => resolve(e.data);
          w.postMessage({ mode, n: 500, bytes: new Uint8Array(bytes) });
        }),
      [worker, mode, [...wasm]],
    );
  for (const m of modes) await runOne(m);
  for (let r = 0; r < rounds; r++) {
    for (const m of r % 2 ? [...modes].reverse() : modes) {
      const out = await runOne(m);
      if (out.found !== 500) throw new Error(`${m} found ${out.found}`);
      (res[m] ??= { ms: [], issue: [] }).ms.push(out.ms);
      res[m].issue.push(out.issueUsPerOp);
    }
  }
} finally {
  await browser.close();
  stop();
}
printLoad('load after');
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs, d) => `${med(xs).toFixed(d)} (${Math.min(...xs).toFixed(d)}–${Math.max(...xs).toFixed(d)})`;
for (const [m, r] of Object.entries(res)) console.log(`${m.padEnd(14)} run ${fmt(r.ms, 0)} ms   issue ${fmt(r.issue, 1)} µs/op`);
