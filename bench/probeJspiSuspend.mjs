// Does a WebAssembly.Suspending import that returns a plain value suspend the guest? Logs the
// order of import calls, the caller regaining control and microtasks queued by the import
// (node bench/probeJspiSuspend.mjs; Debian's Chromium). Chromium 150: it suspends either way.
import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
const out = await page.evaluate(async () => {
  const bytes = new Uint8Array([0,0x61,0x73,0x6d,1,0,0,0, 1,5,1,0x60,0,1,0x7f, 2,7,1,1,0x6d,1,0x66,0,0, 3,2,1,0, 7,7,1,3,0x72,0x75,0x6e,0,1, 0x0a,9,1,7,0,0x10,0,0x10,0,0x6a,0x0b]);
  const results = {};
  for (const mode of ['plain', 'promise']) {
    const log = [];
    let i = 0;
    const f = new WebAssembly.Suspending(() => { const k = i++; queueMicrotask(() => log.push('micro' + k)); log.push('call' + k); return mode === 'plain' ? 1 : Promise.resolve(1); });
    const { instance } = await WebAssembly.instantiate(bytes, { m: { f } });
    const run = WebAssembly.promising(instance.exports.run);
    const p = run();
    log.push('returned-to-caller');
    log.push('result ' + (await p));
    results[mode] = log.join(' ');
  }
  return results;
});
console.log(out);
await browser.close();
