import { expect, test } from '@playwright/test';
import { consoleText, openApp } from './appHelpers';
import { goToLine, retypeLine } from './learnHelpers';
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
  // The console draws its newest lines up to 100 ms after the status line changes (CONSOLE_RENDER_MS).
  await expect.poll(() => consoleText(page)).toContain('export "run" has the core type `(result i64)`, but the world\'s run needs `(result i32)`');
  const text = await consoleText(page);
  expect(text).toContain('`export run: func() -> string;`');
  const watLine = shipped('keyvalue/counter.wat').findIndex((l) => /\(export "run"\)/.test(l)) + 1;
  await goToLine(page, 'guest-editor', watLine);
  await expect.poll(() => markedLines(guest)).toContain(watLine);
  await expect.poll(() => markedLines(wit)).toContain(witLine);
});

// QA: an export named "Run" (the world wants `run`) was listed twice in Run's console, once
// for the WAT export and once for the WIT function, where Check's verdict said it once.
test('an export named "Run" where the world wants run is said once in the console, with the name meant', async ({ page }) => {
  await openApp(page, '?example=kv-counter');
  const wit = page.getByTestId('wit-editor');
  const guest = page.getByTestId('guest-editor');
  await expect(guest.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  const watLine = shipped('keyvalue/counter.wat').findIndex((l) => /\(func \(export "run"\)/.test(l)) + 1;
  await retypeLine(page, 'guest-editor', watLine, '(func (export "Run") (result i64)');
  await expect.poll(() => editorLines(guest)).toContain('(func (export "Run") (result i64)');

  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toContainText('build failed (1 error)', { timeout: 60_000 });
  // The console draws its newest lines up to 100 ms after the status line changes (CONSOLE_RENDER_MS).
  await expect.poll(() => consoleText(page)).toContain(`guest:${watLine}:17: found (export "Run"): did you mean "run"?`);
  const text = await consoleText(page);
  expect(text.match(/did you mean "run"\?/g)).toHaveLength(1);
  // Both editors still carry the marker.
  const witLine = shipped('keyvalue/counter.wit').findIndex((l) => l.includes('export run: func() -> s64;')) + 1;
  await goToLine(page, 'guest-editor', watLine);
  await expect.poll(() => markedLines(guest)).toContain(watLine);
  await expect.poll(() => markedLines(wit)).toContain(witLine);
});
