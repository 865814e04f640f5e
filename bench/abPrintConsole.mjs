// A guest printing N lines without yielding (one blocking-write-and-flush each) and returning,
// run in the app itself with the Console open, on two or more built sites in alternating rounds:
//   node bench/abPrintConsole.mjs 5 before=/tmp/site-a after=/tmp/site-b [--lines=50000]   (ports AB_PORT+; OUT=file.json)
// Per site the median with min–max of: the call's time in the run worker (the result line's
// "(… ms)"), and the wall time from the Run click until the result and every line are in the
// Console (build of an unchanged guest, the worker, the page's Console all included) — what a
// presenter waits. bench/benchPrint.ts measures the worker's part alone.
import { writeFileSync } from 'node:fs';
import { inRoundOrder, launchChromium, printLoad, printResults, serveSites, sitesFrom } from './abSites.mjs';

const rounds = Number(process.argv[2]);
const lines = Number(process.argv.find((a) => a.startsWith('--lines='))?.slice(8) ?? 50_000);
const sites = sitesFrom(process.argv.slice(3), 4752);
const wit = `package local:print-console;
world print-console {
  import wasi:cli/stdout@0.2.2;
  export run: func() -> u32;
}
`;
const wat = `(module
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))
  (memory (export "memory") 1)
  (func (export "run") (result i32)
    (local $i i32) (local $d i32) (local $v i32) (local $out i32)
    (i32.store (i32.const 2048) (i32.const 0x656e696c))
    (i32.store8 (i32.const 2052) (i32.const 32))
    (i32.store8 (i32.const 2058) (i32.const 10))
    (local.set $out (call $get_stdout))
    (loop $next
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (local.set $v (local.get $i))
      (local.set $d (i32.const 9))
      (loop $digit
        (i32.store8 (i32.add (i32.const 2048) (local.get $d)) (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))
        (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
        (local.set $d (i32.sub (local.get $d) (i32.const 1)))
        (br_if $digit (i32.ge_u (local.get $d) (i32.const 5))))
      (call $write (local.get $out) (i32.const 2048) (i32.const 11) (i32.const 1000))
      (br_if $next (i32.lt_u (local.get $i) (i32.const ${lines}))))
    (call $drop_out (local.get $out))
    (local.get $i)))
`;

const stop = await serveSites(sites, '/');
const browser = await launchChromium();
const res = {};
const record = (site, key, x) => ((res[site] ??= {})[key] ??= []).push(x);
printLoad();
try {
  const pages = new Map();
  for (const v of sites) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`http://localhost:${v.port}/`);
    await page.getByTestId('example-picker').selectOption('scratch');
    await page.getByTestId('settings').click();
    if (!(await page.getByTestId('plain-editor').isChecked())) await page.getByTestId('plain-editor').check();
    await page.getByTestId('settings').click();
    await page.getByTestId('wit-editor').locator('textarea').fill(wit);
    await page.getByTestId('guest-editor').locator('textarea').fill(wat);
    await page.getByTestId('time-limit').fill('120000');
    await page.getByTestId('tab-console').click();
    pages.set(v.name, page);
  }
  const one = async (v) => {
    const page = pages.get(v.name);
    await page.bringToFront();
    const t0 = Date.now();
    await page.getByTestId('run').click();
    // Every line (the count also holds the run's own lines: its result, notes) and the result.
    await page.waitForFunction(
      (n) => Number((document.querySelector('[data-testid="console-count"]')?.textContent ?? '').replace(/[^\d]/g, '')) >= n && /run\(\) → /.test(document.querySelector('[data-testid="console"]')?.textContent ?? ''),
      lines,
      { timeout: 120_000, polling: 10 },
    );
    const wall = Date.now() - t0;
    const text = await page.getByTestId('console').textContent();
    const [, value, unit] = /run\(\) → \S+\s+\(([\d.]+) (ms|s)\)/.exec(text ?? '') ?? [];
    const ms = Number(value) * (unit === 's' ? 1000 : 1);
    return { wall, ms };
  };
  // Warm-up: the first build and the worker's first run count nowhere.
  for (const v of sites) await one(v);
  for (let r = 0; r < rounds; r++) {
    for (const v of inRoundOrder(sites, r)) {
      const { wall, ms } = await one(v);
      record(v.name, 'callMs', ms);
      record(v.name, 'wallMs', wall);
    }
    console.log('round', r + 1);
  }
} finally {
  await browser.close();
  stop();
}
printResults(res, sites, { format: (x) => x.toFixed(0), width: 10 });
printLoad();
writeFileSync(process.env.OUT ?? 'ab-print-console.json', JSON.stringify(res, null, 1));
