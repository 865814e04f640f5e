import { expect, test } from '@playwright/test';
import { openScratchWith } from './appHelpers';

const LINES = 3000;
const wit = `package local:printer;

world printer {
  import wasi:cli/stdout@0.2.2;

  /// Prints "line 00001" … and returns how many lines it printed.
  export run: func() -> u32;
}
`;
// Writes "line NNNNN\\n" for 1..LINES into memory at 2048, 300 lines (3,300 bytes) per write.
const wat = `(module
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))
  (memory (export "memory") 1)
  (func $flush (param $len i32)
    (local $out i32)
    (local.set $out (call $get_stdout))
    (call $write (local.get $out) (i32.const 2048) (local.get $len) (i32.const 1000))
    (if (i32.load8_u (i32.const 1000)) (then unreachable))
    (call $drop_out (local.get $out)))
  (func (export "run") (result i32)
    (local $i i32) (local $p i32) (local $d i32) (local $v i32)
    (local.set $p (i32.const 2048))
    (loop $next
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (i32.store (local.get $p) (i32.const 0x656e696c)) ;; "line"
      (i32.store8 offset=4 (local.get $p) (i32.const 32))
      (local.set $v (local.get $i))
      (local.set $d (i32.const 9))
      (loop $digit
        (i32.store8 (i32.add (local.get $p) (local.get $d)) (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))
        (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
        (local.set $d (i32.sub (local.get $d) (i32.const 1)))
        (br_if $digit (i32.ge_u (local.get $d) (i32.const 5))))
      (i32.store8 offset=10 (local.get $p) (i32.const 10))
      (local.set $p (i32.add (local.get $p) (i32.const 11)))
      (if (i32.eqz (i32.rem_u (local.get $i) (i32.const 300)))
        (then (call $flush (i32.sub (local.get $p) (i32.const 2048))) (local.set $p (i32.const 2048))))
      (br_if $next (i32.lt_u (local.get $i) (i32.const ${LINES}))))
    (if (i32.gt_u (local.get $p) (i32.const 2048)) (then (call $flush (i32.sub (local.get $p) (i32.const 2048)))))
    (local.get $i)))
`;

test.use({ viewport: { width: 1280, height: 720 } });

test('a guest printing 3,000 lines: the console follows the newest, and every earlier line is reachable by scrolling up and paging', async ({ page }) => {
  await openScratchWith(page, wit, wat);
  await page.getByTestId('tab-console').click();
  await page.getByTestId('run').click();

  const console_ = page.getByTestId('console');
  await expect(console_).toContainText(`run() → ${LINES}`, { timeout: 60_000 });
  await expect(page.getByTestId('console-count')).toContainText(/3,00\d lines/);
  // Following: the newest line is on screen, and only a window of lines is in the page.
  await expect(console_.getByText('line 03000', { exact: true })).toBeInViewport();
  const shown = await page.getByTestId('console-line').count();
  expect(shown).toBeLessThanOrEqual(200);
  await expect(page.getByTestId('console-earlier')).toContainText('earlier lines');
  await page.screenshot({ path: test.info().outputPath('console-following.png') });

  // Scrolling up to read stops following: a page of earlier lines, nothing trimmed under the reader.
  await console_.hover();
  await page.mouse.wheel(0, -600);
  await expect(page.getByTestId('console-later')).toBeVisible();
  await expect(console_.getByText('line 02990', { exact: true })).toBeAttached();
  // Paging back to the first line, then returning to the newest.
  await page.getByRole('button', { name: 'First line' }).click();
  await expect(console_.getByText('line 00001', { exact: true })).toBeAttached();
  await expect(page.getByTestId('console-earlier')).toHaveCount(0);
  await page.getByTestId('console-later').getByRole('button', { name: 'Show later' }).click();
  await expect(console_.getByText('line 00600', { exact: true })).toBeAttached();
  await expect(console_.getByText('line 00001', { exact: true })).toHaveCount(0);
  await console_.evaluate((el) => (el.scrollTop = 0));
  await expect(page.getByTestId('console-earlier')).toContainText('250 earlier lines');
  await page.screenshot({ path: test.info().outputPath('console-earlier-bar.png') });
  await page.getByTestId('console-earlier').getByRole('button', { name: 'Show earlier' }).click();
  await expect(console_.getByText('line 00001', { exact: true })).toBeAttached();
  await console_.getByText('line 00001', { exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('console-paged.png') });
  await page.getByRole('button', { name: 'Follow latest' }).click();
  await expect(console_.getByText('line 03000', { exact: true })).toBeInViewport();
  await expect(page.getByTestId('console-later')).toHaveCount(0);

  // Save writes every line.
  const download = page.waitForEvent('download');
  await page.getByTestId('console-save').click();
  const file = await (await download).path();
  const text = (await import('node:fs')).readFileSync(file, 'utf8');
  for (const n of [1, 1500, 3000]) expect(text).toContain(`line ${String(n).padStart(5, '0')}\n`);
  expect(text.split('\n').filter((l) => /line \d{5}$/.test(l))).toHaveLength(LINES);
});
