// What a WebAssembly.Suspending import costs per call, against the same import without it:
// a wasm loop calling a JS import 100,000 times under WebAssembly.promising, the import
// (a) plain, (b) Suspending returning a plain value, (c) Suspending returning a resolved
// Promise; 5 rounds, µs per call (node bench/probeJspiCost.mjs; Debian's Chromium).
// Chromium 150, load ~10: plain 0.016, Suspending 0.10 (plain value) and 0.11 (Promise) µs per
// call: the suspension itself is a tenth of a microsecond, so an adapter that skips it for
// plain answers (tried in stop 25 for a consumer's `receive`) cannot move a replay figure.
import { chromium } from '@playwright/test';
import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';

const wasm = await parse(`(module (import "m" "f" (func $f (result i32)))
  (func (export "run") (param $n i32) (result i32) (local $s i32)
    (block $e (loop $l
      (br_if $e (i32.eqz (local.get $n)))
      (local.set $s (i32.add (local.get $s) (call $f)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $l)))
    (local.get $s)))`);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
const perCall = await page.evaluate(async (bytes) => {
  const mod = new WebAssembly.Module(new Uint8Array(bytes));
  const out = {};
  const n = 100_000;
  for (let round = 0; round < 5; round++) {
    for (const mode of ['plain', 'suspendingPlainValue', 'suspendingPromise']) {
      const fn = mode === 'suspendingPromise' ? () => Promise.resolve(1) : () => 1;
      const f = mode === 'plain' ? fn : new WebAssembly.Suspending(fn);
      const run = WebAssembly.promising(new WebAssembly.Instance(mod, { m: { f } }).exports.run);
      const t0 = performance.now();
      if ((await run(n)) !== n) throw new Error('wrong sum');
      (out[mode] ??= []).push(((performance.now() - t0) * 1000) / n);
    }
  }
  return out;
}, [...wasm]);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [mode, xs] of Object.entries(perCall)) console.log(`${mode.padEnd(22)} ${median(xs).toFixed(3)} µs/call (${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)})`);
await browser.close();
