import { expect, test, type Page } from '@playwright/test';
import { consoleText, openApp } from './appHelpers';
import { caretAfterLine, editorLines, markedLines, shipped } from './monacoHelpers';

// A presenter live-coding WAT: the slow part was each import's core signature, worked out by
// hand from the canonical ABI (how many i32s a string, a borrow and a return area make). The
// WAT editor now completes imports and exports from the guest's WIT world, with the
// signatures wit-component itself derives.
test.use({ viewport: { width: 1280, height: 720 } });

const suggestWidget = (page: Page) => page.locator('.suggest-widget.visible');

test('a WAT guest completes its imports and exports from its WIT world, and what it completes builds and runs', async ({ page }) => {
  test.setTimeout(150_000);
  await openApp(page, '?example=kv-counter');
  const pane = page.getByTestId('guest-editor');
  await expect(pane.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  const source = shipped('keyvalue/counter.wat');

  // `(import "` offers every function of the world's imports; typing narrows to one.
  await caretAfterLine(page, pane, source, '(func $drop_bucket (param i32)))');
  await page.keyboard.press('Enter');
  await page.keyboard.type('(import "');
  await expect(suggestWidget(page)).toBeVisible({ timeout: 15_000 });
  for (const name of ['open', '[method]bucket.get', 'increment', '[static]cas.new']) await expect(suggestWidget(page).getByRole('option', { name: new RegExp(`^${name.replace(/[[\].]/g, '\\$&')}\\b`) })).toBeVisible();
  await page.keyboard.type('exists');
  await expect(suggestWidget(page).getByRole('option').first()).toContainText('[method]bucket.exists');
  await page.screenshot({ path: test.info().outputPath('import-completions.png') });
  await page.keyboard.press('Enter');
  await expect.poll(() => editorLines(pane)).toContain('(import "wasi:keyvalue/store@0.2.0-draft2" "[method]bucket.exists" (func $bucket.exists (param i32 i32 i32 i32)))');

  // After `(func (export "` the world's exports, with the signature the host calls them with.
  await page.keyboard.press('Enter');
  await page.keyboard.type('(func (export "');
  await expect(suggestWidget(page)).toBeVisible({ timeout: 15_000 });
  await expect(suggestWidget(page).getByRole('option', { name: /^run\b/ })).toBeVisible();
  await expect(suggestWidget(page).getByRole('option', { name: /^cabi_realloc\b/ })).toBeVisible();
  await page.keyboard.type('run');
  await page.keyboard.press('Enter');
  // The caret is inside the function, where its body goes. Whether the function's bracket is
  // already closed on this line depends on whether Monaco closed the typed `(` (it does so by
  // what follows and by timing); the completion neither adds a bracket nor takes the user's.
  await page.keyboard.type(' nop');
  await expect.poll(() => editorLines(pane)).toEqual(expect.arrayContaining([expect.stringMatching(/^\(func \(export "run"\) \(result i64\) nop\)?$/)]));
  // Not wanted twice: the line goes again, as a presenter would take it out.
  await page.keyboard.press('Control+Shift+K');

  // A WIT edit (a new import typed in the WIT editor) changes what the WAT editor offers.
  const wit = page.getByTestId('wit-editor');
  await caretAfterLine(page, wit, shipped('keyvalue/counter.wit'), 'import wasi:keyvalue/atomics@0.2.0-draft2;');
  await page.keyboard.press('Enter');
  await page.keyboard.type('import wasi:keyvalue/batch@0.2.0-draft2;');
  await page.keyboard.press('Escape');
  await caretAfterLine(page, pane, source, '(func $drop_bucket (param i32)))');
  await page.keyboard.press('Enter');
  await page.keyboard.type('(import "');
  await expect(suggestWidget(page)).toBeVisible({ timeout: 15_000 });
  await page.keyboard.type('get-many');
  await expect(suggestWidget(page).getByRole('option').first()).toContainText('get-many', { timeout: 15_000 });
  await page.keyboard.press('Enter');
  await expect.poll(() => editorLines(pane)).toContain('(import "wasi:keyvalue/batch@0.2.0-draft2" "get-many" (func $batch.get-many (param i32 i32 i32 i32)))');

  // What was completed builds: the module declares what the world offers, as the world offers it.
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 90_000 }).toMatch(/run\(\) → \d+/);
  expect(await markedLines(pane)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('ran.png') });
});

// WASI 0.3: an async func is imported as "[async-lower]<name>" (a sync call of one builds, but
// the 0.3 host traps on it), and the export comes as "[async-lift]" with its callback.
test('a WASI 0.3 WAT guest completes its async imports in the async ABI, and still runs', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, '?example=p3-counter');
  await page.getByTestId('guest-tab').filter({ hasText: 'counter-p3' }).click();
  const pane = page.getByTestId('guest-editor');
  await expect(pane.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  const source = shipped('p3/counterP3.wat');
  await caretAfterLine(page, pane, source, '(func $drop_bucket (param i32)))');
  await page.keyboard.press('Enter');
  await page.keyboard.type('(import "');
  await expect(suggestWidget(page)).toBeVisible({ timeout: 15_000 });
  // A word typed from its start ranks first: `get` is the bucket's get, not the
  // `[context-get-0]` built-in that merely contains it (Monaco's fuzzy order did that).
  await page.keyboard.type('get');
  await expect(suggestWidget(page).getByRole('option').first()).toContainText('[async-lower][method]bucket.get', { timeout: 15_000 });
  // Rubbing the word out closes the list; Ctrl+Space opens it again.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+Space');
  await expect(suggestWidget(page)).toBeVisible({ timeout: 15_000 });
  await page.keyboard.type('increment');
  await expect(suggestWidget(page).getByRole('option').first()).toContainText('[async-lower]increment', { timeout: 15_000 });
  await page.screenshot({ path: test.info().outputPath('async-import.png') });
  await page.keyboard.press('Enter');
  await expect.poll(() => editorLines(pane)).toContain('(import "proposal:keyvalue-p3/atomics@0.1.0" "[async-lower]increment" (func $atomics.increment (param i32 i32 i32 i64 i32) (result i32)))');

  await page.keyboard.press('Enter');
  await page.keyboard.type('(func (export "');
  await expect(suggestWidget(page)).toBeVisible({ timeout: 15_000 });
  await expect(suggestWidget(page).getByRole('option', { name: /^\[async-lift\]run\b/ })).toBeVisible();
  await expect(suggestWidget(page).getByRole('option', { name: /^\[callback\]\[async-lift\]run\b/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+K');

  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 60_000 }).toMatch(/counter-p3[\s\S]*run\(\) → "?\d+"?/);
  expect(await markedLines(pane)).toEqual([]);
});
