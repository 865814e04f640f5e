// What a BroadcastChannel hop between two plain workers costs when the sender keeps its thread
// busy after a post (not a figure; the messaging.p50 analysis of issue 13). A sender posts
// 250 bursts of 4 ({pos, at}) with ~1 ms sleeps; the receiver stamps arrival. Modes:
//   js     the 4 posts back to back (the raw side of messaging.p50);
//   busy1  post 0, then 0.4 ms of CPU on the sender's thread, then posts 1-3 (what a guest
//          does between its first send and its suspension);
//   micro / task  as busy1 but yielding a microtask / a task right after post 0;
//   (jspi: the 4 posts from a wasm loop under JSPI with a suspending 1 ms sleep — edit the list.)
// Prints per round the mean send → receive (ms) by position and the sender's synchronous cost of
// each postMessage. Seen at load 3-5: busy1 post 0 arrives ~0.3 ms later than in js, i.e. work on
// the sender after a post delays that post's delivery (2 cores).
//   AB_PORT=4630 node bench/probeBroadcastHop.mjs 6
import binaryen from 'binaryen';
import { createServer } from 'node:http';
import { launchChromium } from './abSites.mjs';
const wat = `(module
  (import "e" "post" (func $post (param i32)))
  (import "e" "sleep" (func $sleep))
  (func (export "run") (param $bursts i32) (param $k i32)
    (local $b i32) (local $i i32)
    (block $done (loop $burst
      (br_if $done (i32.ge_u (local.get $b) (local.get $bursts)))
      (local.set $i (i32.const 0))
      (block $full (loop $next
        (br_if $full (i32.ge_u (local.get $i) (local.get $k)))
        (call $post (local.get $i))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
      (call $sleep)
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $burst)))))`;
const m = binaryen.parseText(wat);
const bin = m.emitBinary();
const b64 = Buffer.from(bin).toString('base64');
const recv = `const c = new BroadcastChannel('x'); const rows = []; c.onmessage = (e) => { rows.push([e.data.pos, e.data.at, e.data.done ?? 0, performance.timeOrigin + performance.now()]); if (e.data.last) postMessage(rows.splice(0)); }; postMessage('ready');`;
const send = `const c = new BroadcastChannel('x'); const now = () => performance.timeOrigin + performance.now();
  const bytes = Uint8Array.from(atob('${b64}'), (ch) => ch.charCodeAt(0));
  let prevDone = 0, n = 0, total = 0;
  const post = (pos) => { const at = now(); n++; c.postMessage({ pos, at, done: prevDone, last: n === total }); prevDone = now() - at; };
  onmessage = async (e) => {
    const { mode, bursts } = e.data; total = bursts * 4; n = 0;
    const spin = () => { const t = performance.now(); while (performance.now() - t < 0.4); };
    const mc = new MessageChannel(); let wake; mc.port1.onmessage = () => wake();
    const nextTask = () => new Promise((r) => { wake = r; mc.port2.postMessage(null); });
    if (mode === 'micro') {
      for (let b = 0; b < bursts; b++) { post(0); await Promise.resolve(); spin(); for (let i = 1; i < 4; i++) post(i); await new Promise((r) => setTimeout(r, 1)); }
    } else if (mode === 'task') {
      for (let b = 0; b < bursts; b++) { post(0); await nextTask(); spin(); for (let i = 1; i < 4; i++) post(i); await new Promise((r) => setTimeout(r, 1)); }
    } else if (mode === 'busy1') {
      for (let b = 0; b < bursts; b++) { post(0); const t = performance.now(); while (performance.now() - t < 0.4); for (let i = 1; i < 4; i++) post(i); await new Promise((r) => setTimeout(r, 1)); }
    } else if (mode === 'js') {
      for (let b = 0; b < bursts; b++) { for (let i = 0; i < 4; i++) post(i); await new Promise((r) => setTimeout(r, 1)); }
    } else {
      const sleep = new WebAssembly.Suspending(() => new Promise((r) => setTimeout(r, 1)));
      const { instance } = await WebAssembly.instantiate(bytes, { e: { post, sleep } });
      await WebAssembly.promising(instance.exports.run)(bursts, 4);
    }
  };`;
const html = `<!doctype html><script>
const mk = (src) => new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
window.go = async (mode) => {
  const r = mk(${JSON.stringify(recv)}); await new Promise((res) => (r.onmessage = res));
  const s = mk(${JSON.stringify(send)});
  const got = new Promise((res) => (r.onmessage = (e) => res(e.data)));
  s.postMessage({ mode, bursts: 250 });
  const rows = await got; r.terminate(); s.terminate(); return rows;
};
</script>`;
const srv = createServer((q, s) => { s.setHeader('content-type', 'text/html'); s.end(html); }).listen(Number(process.env.AB_PORT ?? 4742));
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(`http://localhost:${process.env.AB_PORT ?? 4742}/`);
const res = {};
for (let r = 0; r < Number(process.argv[2] ?? 6); r++) for (const mode of r % 2 ? ['busy1', 'micro', 'task', 'js'] : ['js', 'task', 'micro', 'busy1']) {
  const rows = await page.evaluate((m) => window.go(m), mode);
  const lat = [0, 1, 2, 3].map((k) => { const xs = rows.filter((x) => x[0] === k).map((x) => x[3] - x[1]); return xs.reduce((a, b) => a + b, 0) / xs.length; });
  // rows carry the previous post's sync cost: the cost of position k-1 in row k
  const cost = [0, 1, 2, 3].map((k) => { const xs = rows.filter((x) => x[0] === (k + 1) % 4).map((x) => x[2]); return xs.reduce((a, b) => a + b, 0) / xs.length; });
  (res[mode] ??= []).push({ lat, cost });
}
await browser.close(); srv.close();
for (const [m, runs] of Object.entries(res)) {
  console.log(m, 'latency by pos', runs.map((x) => x.lat.map((v) => v.toFixed(3)).join(' ')).join(' | '));
  console.log(m, 'post cost by pos', runs.map((x) => x.cost.map((v) => v.toFixed(3)).join(' ')).join(' | '));
}
