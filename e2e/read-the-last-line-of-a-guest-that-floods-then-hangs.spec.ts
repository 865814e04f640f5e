import { expect, test, type Page } from '@playwright/test';
import { openApp, openScratchWith } from './appHelpers';
import { printLinesGuest } from '../scripts/printLinesGuest.mjs';
import { caretAfterLine, editorLines, shipped, typeLines } from './monacoHelpers';

// A guest prints a flood of lines, one write each, and then loops forever without yielding.
// The run worker joins fast writes into one post per 50 ms (createLogCoalescer) and runs no
// task between the last write and the stop, so no post could bring what it held last; the
// held writes also leave at write time on a port the page reads only when it ends the worker
// (createLogTail / openLogTail). Before, the Console held 4,710 of the 5,000 lines here, Stop
// lost them the same way, and the JavaScript guest below lost its last (stderr) line.
const LINES = 5_000;
const { wit, wat } = printLinesGuest(LINES, { name: 'flood-then-hang', hang: true });

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
