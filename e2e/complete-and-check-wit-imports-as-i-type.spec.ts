import { expect, test, type Locator } from '@playwright/test';
import { consoleText, openApp } from './appHelpers';
import { caretAfterLine, markedLines, shipped } from './monacoHelpers';

test.use({ viewport: { width: 1280, height: 720 } });

const guestPane = (page: import('@playwright/test').Page) => page.getByTestId('guest-editor');
/** The text of Monaco's hover over the pane's error squiggle (the one the test expects), pointed at with the mouse. */
async function hoverSquiggle(pane: Locator): Promise<string> {
  const page = pane.page();
  const box = (await pane.locator('.squiggly-error').first().boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  await expect(hover).toBeVisible();
  return hover.innerText();
}

test('a JavaScript guest completes a bucket’s methods from its WIT, and with // @ts-check is told text is not bytes as it is typed', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, '?example=js-kv-counter');
  const pane = guestPane(page);
  await expect(pane.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  const source = shipped('js/counter.js');

  // `bucket.` lists what wasi:keyvalue/store's bucket resource has, camelCase as the bindings spell it.
  await caretAfterLine(page, pane, source, "const bucket = open('counters');");
  await page.keyboard.press('Enter');
  await page.keyboard.type('bucket.');
  const suggest = page.locator('.suggest-widget.visible');
  await expect(suggest).toBeVisible({ timeout: 15_000 });
  for (const method of ['get', 'set', 'delete', 'exists', 'listKeys']) await expect(suggest.getByRole('option', { name: new RegExp(`^${method}\\b`) })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('completions.png') });

  // Finish the line with text where the WIT takes list<u8>: unchecked JavaScript says nothing yet.
  await page.keyboard.press('Escape');
  await page.keyboard.type("set('greeting', 'hello');");
  const line = source.findIndex((l) => l.includes("const bucket = open('counters');")) + 2;
  await page.waitForTimeout(1500);
  expect(await markedLines(pane)).toEqual([]);

  // Opting in with // @ts-check on the first line: the call is underlined, in WIT's types.
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('// @ts-check');
  await page.keyboard.press('Enter');
  await expect.poll(() => markedLines(pane), { timeout: 30_000 }).toEqual([line + 1]);
  expect(await hoverSquiggle(pane)).toMatch(/Argument of type 'string' is not assignable to parameter of type 'Uint8Array/);
  await page.screenshot({ path: test.info().outputPath('ts-check.png') });
});

test('a TypeScript guest is checked against its WIT as it is typed, and a WIT edit changes what it may call', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, '?example=ts-kv-visit-log');
  const pane = guestPane(page);
  await expect(pane.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  const source = shipped('js/visitLog.ts');
  // The shipped guest is clean against its world's declarations.
  await page.waitForTimeout(2000);
  expect(await markedLines(pane)).toEqual([]);

  await caretAfterLine(page, pane, source, "const bucket = open('visit-log');");
  await page.keyboard.press('Enter');
  await page.keyboard.type("bucket.exists(42);");
  await page.keyboard.press('Escape');
  const line = source.findIndex((l) => l.includes("const bucket = open('visit-log');")) + 2;
  await expect.poll(() => markedLines(pane), { timeout: 30_000 }).toEqual([line]);
  expect(await hoverSquiggle(pane)).toMatch(/Argument of type 'number' is not assignable to parameter of type 'string'/);
  await page.screenshot({ path: test.info().outputPath('typescript.png') });

  // Fixed, then a call into an interface the world does not import yet: nothing is known of it.
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type("bucket.exists('42'); increment(bucket, 'n', 1);");
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Home');
  await page.keyboard.type("import { increment } from 'wasi:keyvalue/atomics@0.2.0-draft2';");
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1500);
  expect(await markedLines(pane)).toEqual([]);

  // The WIT gains the import, typed in its own editor: the guest's call is now held to it.
  const wit = page.getByTestId('wit-editor');
  await caretAfterLine(page, wit, shipped('js/visitLog.wit'), 'import wasi:keyvalue/store@0.2.0-draft2;');
  await page.keyboard.press('Enter');
  await page.keyboard.type('import wasi:keyvalue/atomics@0.2.0-draft2;');
  await expect.poll(() => markedLines(pane), { timeout: 30_000 }).toEqual([line + 1]);
  expect(await hoverSquiggle(pane)).toMatch(/Argument of type 'number' is not assignable to parameter of type 'bigint'/);
});

test('the WIT editor completes the shipped interfaces’ names after import, with their exact drafts, and Run builds the line', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, '?example=kv-counter');
  const wit = page.getByTestId('wit-editor');
  await expect(wit.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  const source = (await wit.locator('.view-line').allInnerTexts()).map((l) => l.replace(/\u00a0/g, ' '));
  await caretAfterLine(page, wit, source, 'import wasi:keyvalue/atomics@0.2.0-draft2;');
  await page.keyboard.press('Enter');
  await page.keyboard.type('import wasi:key');
  const suggest = page.locator('.suggest-widget.visible');
  await expect(suggest).toBeVisible({ timeout: 15_000 });
  // Both key-value drafts are there, and nothing of other packages matches what is typed.
  // Each drawn whole, name and draft first, the package beside it: the drafts differ only at the end.
  await expect(suggest.getByRole('option', { name: /^store@0\.2\.0-draft2\b/ })).toBeVisible();
  await expect(suggest.getByRole('option', { name: /^store@0\.2\.0-draft\b(?!2)/ })).toBeVisible();
  await expect(suggest.getByRole('option', { name: /messaging/ })).toHaveCount(0);
  await page.keyboard.type('value/batch@0.2.0-draft2');
  await expect(suggest.getByRole('option').first()).toContainText('batch@0.2.0-draft2');
  await expect(suggest.getByRole('option').first()).toContainText('wasi:keyvalue');
  await page.screenshot({ path: test.info().outputPath('wit-completions.png') });
  await page.keyboard.press('Enter');
  await expect(wit.locator('.view-line', { hasText: 'import wasi:keyvalue/batch@0.2.0-draft2;' })).toBeVisible();
  expect((await wit.locator('.view-line', { hasText: 'batch' }).innerText()).replace(/\u00a0/g, ' ').trim()).toBe('import wasi:keyvalue/batch@0.2.0-draft2;');

  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 60_000 }).toMatch(/run\(\) → /);
});
