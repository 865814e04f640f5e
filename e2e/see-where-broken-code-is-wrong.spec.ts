import { expect, test } from '@playwright/test';
import { consoleText, openApp, runExample, usePlainEditors } from './appHelpers';

test('broken WIT shows an error at its line, in the plain editor and as a Monaco marker', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('example-picker').selectOption('kv-counter');
  await usePlainEditors(page);
  const wit = page.getByTestId('wit-editor').locator('textarea');
  const text = await wit.inputValue();
  // Line 7 imports an interface that does not exist in the package.
  await wit.fill(text.replace('import wasi:keyvalue/atomics@0.2.0-draft2;', 'import wasi:keyvalue/atomix@0.2.0-draft2;'));
  await page.getByTestId('run').click();
  const diag = page.getByTestId('wit-editor').getByTestId('diagnostic');
  await expect(diag.first()).toContainText(/atomix/);
  await expect(diag.first()).toContainText(/:7:/);
  await expect(page.getByTestId('status')).toContainText(/build failed/);

  // Back in Monaco, the same error is a squiggle on that line.
  await page.getByTestId('settings').click();
  await page.getByTestId('plain-editor').uncheck();
  await page.getByTestId('settings').click();
  await page.getByTestId('run').click();
  await expect(page.getByTestId('wit-editor').locator('.squiggly-error').first()).toBeVisible({ timeout: 20_000 });
});

test('a WAT syntax error points at the bad token', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('example-picker').selectOption('kv-counter');
  await usePlainEditors(page);
  const guest = page.getByTestId('guest-editor').locator('textarea');
  await guest.fill('(module\n  (func (export "run") (result i64)\n    (i64.bogus 1)))');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('guest-editor').getByTestId('diagnostic').first()).toContainText(/3:6|unknown operator/);
});

test('a runaway guest is stopped at the time limit and the UI stays usable', async ({ page }) => {
  await openApp(page);
  await runExample(page, 'kv-counter');
  await usePlainEditors(page);
  await page.getByTestId('time-limit').fill('1000');
  await page.getByTestId('wit-editor').locator('textarea').fill('package local:spin;\nworld spin {\n  export run: func() -> s64;\n}');
  await page.getByTestId('guest-editor').locator('textarea').fill('(module (memory (export "memory") 1)\n  (func (export "run") (result i64) (loop $l (br $l)) (i64.const 0)))');
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 15_000 }).toMatch(/time limit/);
  // The page still answers: switching examples works right after.
  await page.getByTestId('example-picker').selectOption('kv-bucket-walk');
  await expect(page.getByTestId('example-description')).toContainText(/250 keys/);
});

test('a WAT import the world does not have is marked on its import line, naming what the world expects', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('example-picker').selectOption('kv-counter');
  await usePlainEditors(page);
  const guest = page.getByTestId('guest-editor').locator('textarea');
  const source = await guest.inputValue();
  await guest.fill(source.replace('"increment"', '"incrementz"'));
  await page.getByTestId('run').click();
  const line = source.split('\n').findIndex((l) => l.includes('"increment"')) + 1;
  const diag = page.getByTestId('guest-editor').getByTestId('diagnostic').first();
  await expect(diag).toContainText(`${line}:`);
  await expect(diag).toContainText(/no function "incrementz" \(did you mean "increment"\?\)\. It expects one of: .*increment/);
  await expect(diag).not.toContainText(/^1:1/);
});
