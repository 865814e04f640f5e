// Is a raw IndexedDB read as fast in a dedicated worker as in the page? The `replay` and
// `ranges` baselines read in the page while the guest's host reads in its run worker (the `kv`
// baseline, idb-keyval, runs in a worker on purpose). Reads the same seeded data both ways in
// alternating rounds and prints medians with min–max:
// - `log`: 10,000 topic-log entries (~250-byte envelope + 32-byte payload, key [topic, offset])
//   in getAllRecords pages of 256, one readonly transaction each (the replay host's read-ahead);
// - `keys`: 100,000 keys [bucket, key] of 16-byte values read as getAllRecords chunks of 200
//   chained in one transaction (the range host's readInChunks);
// each also as one cursor. Usage: node bench/probeIdbWorkerVsPage.mjs <dist> [rounds] (port
// AB_PORT, default 4742); the dist only serves an origin, its code is not used.
// 2026-12-03, Chromium 150, load 9-12, two runs of 7 rounds: no consistent difference (log
// pages, page vs worker: 223 vs 414 ms, then 239 vs 264; keys pages 2,478 vs 3,369, then
// 1,709 vs 1,650; spreads wider than the gaps), so where the baselines run does not explain
// the replay and ranges gaps. Rerun on a quiet machine before relying on it either way.
import { launchChromium, median, printLoad, serveSites } from './abSites.mjs';

const [dir, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 7);
const site = { name: 'probe', dir, port: Number(process.env.AB_PORT ?? 4742) };
const stop = await serveSites([site], '/bench/index.html');
const browser = await launchChromium();
printLoad();
try {
  const page = await browser.newPage();
  await page.goto(`http://localhost:${site.port}/bench/index.html`);
  const res = await page.evaluate(async (rounds) => {
    // The reads, as source text: the page evaluates it and a blob worker runs the same text.
    const src = `
    const open = (name, up) => new Promise((res, rej) => { const r = indexedDB.open(name, 1); r.onupgradeneeded = () => up(r.result); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const done = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    async function read(name, shape, method) {
      const db = await open(name, () => undefined);
      const t0 = performance.now();
      let n = 0;
      const range = (from) => shape === 'log' ? IDBKeyRange.bound(['t', from], ['t', Number.MAX_SAFE_INTEGER]) : IDBKeyRange.bound(['b', from], ['b', []], from !== '', false);
      if (method === 'cursor') {
        n = await new Promise((resolve) => { let seen = 0; const tx = db.transaction('s', 'readonly'); const c = tx.objectStore('s').openCursor(range(shape === 'log' ? 0 : ''));
          c.onsuccess = () => { const x = c.result; if (!x) return; if (x.value.data.length) seen++; x.continue(); }; tx.oncomplete = () => resolve(seen); });
      } else if (shape === 'log') {
        for (let from = 0; ; ) {
          const tx = db.transaction('s', 'readonly');
          const page = await done(tx.objectStore('s').getAllRecords({ query: range(from), count: 256 }));
          for (const r of page) if (r.value.data.length) n++;
          if (page.length < 256) break;
          from = page[page.length - 1].primaryKey[1] + 1;
        }
      } else {
        const store = db.transaction('s', 'readonly').objectStore('s');
        for (let from = ''; ; ) {
          const chunk = await done(store.getAllRecords({ query: range(from), count: 200 }));
          for (const r of chunk) if (r.value.data.length) n++;
          if (chunk.length < 200) break;
          from = chunk[chunk.length - 1].primaryKey[1];
        }
      }
      const ms = performance.now() - t0;
      db.close();
      return { ms, n };
    }`;
    const read = new Function(`${src}; return read;`)();
    const worker = new Worker(URL.createObjectURL(new Blob([`${src}; onmessage = async (e) => postMessage(await read(...e.data));`], { type: 'text/javascript' })));
    const inWorker = (...args) => new Promise((res) => { worker.onmessage = (e) => res(e.data); worker.postMessage(args); });
    const seed = async (name, shape) => {
      const db = await new Promise((res) => { const r = indexedDB.open(name, 1); r.onupgradeneeded = () => r.result.createObjectStore('s'); r.onsuccess = () => res(r.result); });
      const tx = db.transaction('s', 'readwrite');
      const data = new TextEncoder().encode(shape === 'log' ? 'payload-of-32-bytes.............' : 'value-of-16-byte');
      const envelope = { id: '0f3c2a1e-8b7d-4c6e-9a5f-1d2e3f4a5b6c', source: 'wcp://tab/bench/seed', type: 'wcp.message', time: '2026-12-03T06:00:00.000Z', subject: 't', datacontenttype: 'application/octet-stream', tab: 'bench', guest: 'seed' };
      if (shape === 'log') for (let i = 0; i < 10_000; i++) tx.objectStore('s').add({ envelope, data }, ['t', i]);
      else for (let i = 0; i < 100_000; i++) tx.objectStore('s').add({ data }, ['b', `k:${String(i).padStart(6, '0')}`]);
      await new Promise((res) => (tx.oncomplete = res));
      db.close();
    };
    const out = {};
    const stamp = Date.now();
    for (const shape of ['log', 'keys']) {
      const name = `probe-${shape}-${stamp}`;
      await seed(name, shape);
      for (let r = 0; r < rounds; r++) {
        for (const method of ['pages', 'cursor']) {
          const sides = r % 2 ? ['worker', 'page'] : ['page', 'worker'];
          for (const side of sides) {
            const { ms, n } = side === 'page' ? await read(name, shape, method) : await inWorker(name, shape, method);
            if (n !== (shape === 'log' ? 10_000 : 100_000)) throw new Error(`${side} ${shape} ${method} read ${n}`);
            (out[`${shape}.${method}.${side}`] ??= []).push(ms);
          }
        }
      }
      indexedDB.deleteDatabase(name);
    }
    worker.terminate();
    return out;
  }, rounds);
  for (const [key, xs] of Object.entries(res)) {
    console.log(`${key.padEnd(20)} ${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`);
  }
  printLoad();
} finally {
  await browser.close();
  stop();
}
