import { expect, test, type Page } from '@playwright/test';
import { consoleText, openApp, storedText } from './appHelpers';
import { replaceSource } from './monacoHelpers';

// A class writes guests that pile up data forever. The console and the run status say which
// wall each hit: the JavaScript engine's heap, a memory that cannot grow any more, or the time
// limit while memory was still growing; a guest whose memory was watched and steady is told
// "infinite loop?", one busy in its own code (its memory cannot be watched) is told both, one
// still printing is told to raise the limit.
test.use({ viewport: { width: 1280, height: 720 } });

const guestPane = (page: Page) => page.getByTestId('guest-editor');
const status = (page: Page) => page.getByTestId('status');

/** Sets the header's Limit at once (typed digit by digit, it passes through values below its minimum). */
async function setTimeLimit(page: Page, ms: number): Promise<void> {
  await page.getByTestId('time-limit').fill(String(ms));
  await expect(page.getByTestId('time-limit')).toHaveValue(String(ms));
}

test('a JavaScript guest that fills the engine heap is told it ran out of memory; what it stored stays, the next Run works', async ({ page }) => {
  test.setTimeout(420_000);
  await openApp(page, '?example=js-kv-counter');
  await expect(guestPane(page).locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  // Time enough to reach the engine's heap limit (2–6 s measured) on a busy machine.
  await setTimeLimit(page, 60_000);
  await replaceSource(page, guestPane(page), [
    "import { open } from 'wasi:keyvalue/store@0.2.0-draft2';",
    'export function run() {',
    "  open('counters').set('before-the-loop', new TextEncoder().encode('kept'));",
    '  const lines = [];',
    "  for (let i = 0; ; i++) lines.push('x'.repeat(1 << 20) + i);",
    '}',
  ]);
  await page.getByTestId('run').click();
  await expect(status(page)).toContainText('js-counter ran out of memory', { timeout: 240_000 });
  await expect.poll(() => consoleText(page)).toMatch(/out of memory: the JavaScript engine's heap reached its limit \(the engine's own, far below the 4096 MB a guest's memory can have: this one's was at \d+ MB\)/);
  expect(await consoleText(page)).not.toMatch(/time limit|mozalloc_abort/);
  expect(await storedText(page, 'counters', 'before-the-loop')).toBe('kept');

  await replaceSource(page, guestPane(page), [
    "import { open } from 'wasi:keyvalue/store@0.2.0-draft2';",
    'export function run() {',
    "  const kept = open('counters').get('before-the-loop');",
    "  console.log('still stored: ' + new TextDecoder().decode(kept));",
    '  return 1n;',
    '}',
  ]);
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 240_000 }).toMatch(/run\(\) → 1 {2}\(/);
  expect(await consoleText(page)).toContain('still stored: kept');
});

test('a guest stopped at the time limit while its memory grows is told so; a loop watched with its memory steady hears "infinite loop?"', async ({ page }) => {
  test.setTimeout(420_000);
  await openApp(page, '?example=js-kv-counter');
  await expect(guestPane(page).locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await setTimeLimit(page, 3000);
  // A megabyte every 2 ms: ~1.2 GB at the limit on an idle machine, so the time limit comes
  // first. (A megabyte a turn, as fast as it goes, filled 4 GiB in 2.3–3.0 s on an idle
  // machine and was rightly told it ran out of memory; it took ~25 s only under load.)
  await replaceSource(page, guestPane(page), ['export function run() {', '  const log = [];', '  for (;;) {', '    const at = Date.now();', '    while (Date.now() - at < 2);', '    log.push({ at, body: new Uint8Array(1 << 20) });', '  }', '}']);
  await page.getByTestId('run').click();
  await expect(status(page)).toContainText('stopped: time limit, memory growing', { timeout: 240_000 });
  await expect.poll(() => consoleText(page)).toMatch(/Stopped: "run" ran longer than the 3000 ms time limit while its memory grew from [\d.]+ MB to \d+ MB \(data piling up in a loop\? It would have run out of memory\)/);

  // Reading the clock in its loop, it is watched to the end: its memory did not grow.
  await replaceSource(page, guestPane(page), ['export function run() {', '  let last = 0;', '  for (;;) last = Date.now();', '}']);
  await page.getByTestId('run').click();
  await expect(status(page)).toHaveText(/stopped: time limit$/, { timeout: 240_000 });
  await expect.poll(() => consoleText(page)).toMatch(/Stopped: "run" ran longer than the 3000 ms time limit \(infinite loop\?\)/);
  expect(await consoleText(page)).not.toMatch(/memory/);
});

// QA printed 200,000 lines; the guest was stopped at the limit after ~42,500 and told
// "infinite loop?". A guest heard printing until the stop was working: it is told the limit
// and where to raise it. (It prints without end: since prints leave the worker joined,
// 200,000 lines fit in the limit.)
test('a guest still printing when the time limit stops it is told to raise the limit, not "infinite loop?"', async ({ page }) => {
  test.setTimeout(420_000);
  await openApp(page, '?example=js-kv-counter');
  await expect(guestPane(page).locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await setTimeLimit(page, 2000);
  await replaceSource(page, guestPane(page), ['export function run() {', "  for (let i = 0; ; i++) console.log('line ' + i);", '}']);
  await page.getByTestId('run').click();
  await expect(status(page)).toHaveText(/stopped: time limit$/, { timeout: 240_000 });
  await expect.poll(() => consoleText(page)).toMatch(/Stopped: "run" ran longer than the 2000 ms time limit while still printing or calling hosts \(working, not stuck in place\): to give it longer, raise Limit \(ms\) in the header\./);
  expect(await consoleText(page)).not.toMatch(/infinite loop/);
});

// Neither guest reads a clock or calls a host while it loops: the page cannot see its memory
// (the worker runs nothing else meanwhile), so it is not told "infinite loop?" as if it knew.
const UNWATCHED = /Stopped: "run" ran longer than the 3000 ms time limit without returning: an endless loop, or more work \(or data\) than the limit allows\. The worker/;

test('a guest busy in its own code, calling no host, is not told "infinite loop?" whether it piles up data or not', async ({ page }) => {
  test.setTimeout(420_000);
  await openApp(page, '?example=js-kv-counter');
  await expect(guestPane(page).locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await setTimeLimit(page, 3000);
  // Strings piling up: its memory grows, but nothing in the loop lets the page hear of it.
  // The engine's heap limit (2–6 s measured) or the time limit comes first, by the machine's
  // load: either is said, never "infinite loop?". On a loaded machine the page may hear one
  // report of the growth (the engine's GC reads a clock): then the stop says "memory growing".
  await replaceSource(page, guestPane(page), ['export function run() {', '  const a = [];', "  for (;;) a.push('x'.repeat(1000));", '}']);
  await page.getByTestId('run').click();
  await expect(status(page)).toHaveText(/stopped: time limit(, memory growing)?$|js-counter ran out of memory$/, { timeout: 240_000 });
  if (/time limit$/.test((await status(page).textContent()) ?? '')) await expect.poll(() => consoleText(page)).toMatch(UNWATCHED);
  expect(await consoleText(page)).not.toMatch(/infinite loop/);

  await replaceSource(page, guestPane(page), ['export function run() {', '  let turns = 0;', '  for (;;) turns++;', '}']);
  await page.getByTestId('run').click();
  await expect(status(page)).toHaveText(/stopped: time limit$/, { timeout: 240_000 });
  await expect.poll(() => consoleText(page)).toMatch(UNWATCHED);
  expect(await consoleText(page)).not.toMatch(/infinite loop/);

  // A WAT guest taking pages in a loop it never leaves (memory.grow answers -1 once full).
  await openApp(page, '?example=kv-counter');
  await expect(guestPane(page).locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await setTimeLimit(page, 3000);
  await replaceSource(page, guestPane(page), ['(module', '  (memory (export "memory") 1)', '  (func (export "run") (result i64)', '    (loop $more', '      (drop (memory.grow (i32.const 1)))', '      (br $more))', '    i64.const 0))']);
  await page.getByTestId('run').click();
  await expect(status(page)).toHaveText(/stopped: time limit$/, { timeout: 240_000 });
  await expect.poll(() => consoleText(page)).toMatch(UNWATCHED);
  expect(await consoleText(page)).not.toMatch(/infinite loop/);
});

test('a WAT guest that traps after memory.grow failed is told its memory was full', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, '?example=kv-counter');
  await expect(guestPane(page).locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await replaceSource(page, guestPane(page), [
    '(module',
    '  (memory (export "memory") 1)',
    '  ;; Take a page at a time until memory.grow answers -1, then give up.',
    '  (func (export "run") (result i64)',
    '    (loop $more',
    '      (br_if $more (i32.ne (memory.grow (i32.const 1)) (i32.const -1))))',
    '    unreachable))',
  ]);
  await page.getByTestId('run').click();
  await expect(status(page)).toContainText('counter trapped with its memory full', { timeout: 60_000 });
  await expect.poll(() => consoleText(page)).toMatch(
    /guest trapped: .*unreachable.* — its memory was full \(4096 MB, the most a guest's memory can have; memory\.grow returns -1 there\): if it asked for more, it ran out of memory/,
  );
});
