import { expect, test } from '@playwright/test';
import { consoleText, openApp } from './appHelpers';
import { goToLine } from './learnHelpers';
import { caretAfterLine, editorLines, markedLines, shipped } from './monacoHelpers';

// A learner changes the WIT's result type and leaves the WAT as it was: the component cannot
// be made. The error used to sit on the guest's line 1 in wasm-tools' words ("expected
// `[] -> [I32]` but found `[] -> [I64]`); now both sides are marked, in WAT's words.
test.use({ viewport: { width: 1280, height: 720 } });

test('a WIT result type the WAT export does not have is marked on both, in WAT words', async ({ page }) => {
  await openApp(page, '?example=kv-counter');
  const wit = page.getByTestId('wit-editor');
  const guest = page.getByTestId('guest-editor');
  await expect(wit.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  const witSource = shipped('keyvalue/counter.wit');
  const exported = 'export run: func() -> s64;';
  const witLine = witSource.findIndex((l) => l.includes(exported)) + 1;
  await caretAfterLine(page, wit, witSource, exported);
  await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 'string'.length - 3; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('string');
  await page.keyboard.press('Escape');
  await expect.poll(() => editorLines(wit)).toContain('export run: func() -> string;');

  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toContainText(/build failed/, { timeout: 60_000 });
  const text = await consoleText(page);
  expect(text).toContain('export "run" has the core type `(result i64)`, but the world\'s run needs `(result i32)`');
  expect(text).toContain('`export run: func() -> string;`');
  const watLine = shipped('keyvalue/counter.wat').findIndex((l) => /\(export "run"\)/.test(l)) + 1;
  await goToLine(page, 'guest-editor', watLine);
  await expect.poll(() => markedLines(guest)).toContain(watLine);
  await expect.poll(() => markedLines(wit)).toContain(witLine);
});
