import { expect, test, type Page } from '@playwright/test';
import { openApp, openScratchWith } from './appHelpers';
import { caretAfterLine, editorLines, shipped, typeLines } from './monacoHelpers';

// A guest prints a flood of lines, one write each, and then loops forever without yielding.
// The run worker joins fast writes into one post per 50 ms (createLogCoalescer) and runs no
// task between the last write and the stop, so no post could bring what it held last; the
// held writes also leave at write time on a port the page reads only when it ends the worker
// (createLogTail / openLogTail). Before, the Console held 4,710 of the 5,000 lines here, Stop
// lost them the same way, and the JavaScript guest below lost its last (stderr) line.
const LINES = 5_000;
const wit = `package local:flood-then-hang;

world flood-then-hang {
  import wasi:cli/stdout@0.2.2;

  /// Prints "line 00001" … "line 05000", one write each, then never returns.
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
    (i32.store (i32.const 2048) (i32.const 0x656e696c)) ;; "line"
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
      (br_if $next (i32.lt_u (local.get $i) (i32.const ${LINES}))))
    (call $drop_out (local.get $out))
    ;; Hang: never yields, never returns.
    (loop $forever (br $forever))
    (local.get $i)))
`;

test.use({ viewport: { width: 1280, height: 720 } });

test('a guest that floods output and then hangs: after the time limit stops it, its last line is in the Console', async ({ page }) => {
  test.setTimeout(120_000);
  await openScratchWith(page, wit, wat);
  await page.getByTestId('time-limit').fill('6000');
  await page.getByTestId('tab-console').click();
  await page.getByTestId('run').click();
  const console_ = page.getByTestId('console');
  // Stopped at the limit, as a runaway guest is.
  await expect(page.getByTestId('status')).toContainText(/stopped|time limit/i, { timeout: 60_000 });
  await expect(console_.getByText('line 05000', { exact: true })).toBeVisible();
  await expect(page.getByTestId('console-count')).toContainText(/5,0\d\d lines/);
  // Saved as text: every line once, in the order written, and then why the guest stopped.
  const lines = await savedLines(page);
  const last = lines.findIndex((l) => l.endsWith('line 05000'));
  expect(lines.slice(last + 1).join('\n')).toMatch(/time limit/i);
  await page.screenshot({ path: test.info().outputPath('flood-then-hang.png') });
});

test('a guest that floods output and then hangs: Stop shows its last line, then "Stopped."', async ({ page }) => {
  test.setTimeout(120_000);
  await openScratchWith(page, wit, wat);
  await page.getByTestId('time-limit').fill('60000');
  await page.getByTestId('tab-console').click();
  await page.getByTestId('run').click();
  const count = page.getByTestId('console-count');
  // The presenter sees the output stop coming, then presses Stop.
  await expect(count).toContainText(/\d,\d{3} lines/, { timeout: 60_000 });
  let before = '';
  await expect
    .poll(async () => {
      const now = (await count.textContent()) ?? '';
      const same = now === before;
      before = now;
      return same;
    }, { intervals: [1000] })
    .toBe(true);
  test.info().annotations.push({ type: 'shown before Stop', description: before });
  await page.getByTestId('stop').click();
  await expect(page.getByTestId('console').getByText('line 05000', { exact: true })).toBeVisible();
  const lines = await savedLines(page);
  expect(lines.at(-1)).toMatch(/Stopped\./);
});

test('a JavaScript guest that floods console.log and then hangs: its last line and its stderr are shown before the stop', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page, '?example=js-kv-counter');
  const guest = page.getByTestId('guest-editor');
  await expect(guest.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await caretAfterLine(page, guest, shipped('js/counter.js'), "const bucket = open('counters');");
  const typed = ["for (let i = 1; i <= 3000; i++) console.log('line ' + String(i).padStart(5, '0'));", "console.error('last words');", 'while (true);'];
  await typeLines(page, typed);
  await expect.poll(() => editorLines(guest)).toContain(typed[2]);
  await page.getByTestId('time-limit').fill('8000');
  await page.getByTestId('tab-console').click();
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toContainText(/time limit/i, { timeout: 150_000 });
  const lines = await savedLines(page, 3000);
  const last = lines.findIndex((l) => l.endsWith('line 03000'));
  expect(lines[last + 1]).toMatch(/last words$/);
  expect(lines.slice(last + 2).join('\n')).toMatch(/time limit/i);
});

/** The Console saved as text (its Save button): every printed line once, in order; all its lines. */
async function savedLines(page: Page, count = LINES): Promise<string[]> {
  const download = page.waitForEvent('download');
  await page.getByTestId('console-save').click();
  const lines = (await import('node:fs')).readFileSync(await (await download).path(), 'utf8').trimEnd().split('\n');
  const printed = lines.filter((l) => /line \d{5}$/.test(l));
  expect(printed).toHaveLength(count);
  expect(printed.every((l, i) => l.endsWith(`line ${String(i + 1).padStart(5, '0')}`))).toBe(true);
  return lines;
}
