import { expect, test } from '@playwright/test';
import { consoleText, openApp } from './appHelpers';
import { caretAfterLine, editorLines, shipped, typeLines } from './monacoHelpers';

// A presenter live-codes in the real Monaco editors on a 1280×720 projector: every key
// reaches the editor (no single-key shortcut fires, the diagram stays closed) and the
// edited program runs with its new behaviour.
test.use({ viewport: { width: 1280, height: 720 } });

test('type WAT and JavaScript into Monaco in presenter mode: no shortcut fires, the edits run', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page, '?present&example=kv-counter');
  const stage = page.getByTestId('fullscreen-panel');
  const wit = page.getByTestId('wit-editor');
  const guest = page.getByTestId('guest-editor');
  await expect(guest.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });

  // Presenter mode shows one editor large at a time: the presenter switches with the WIT / Guest buttons.
  await page.getByTestId('stage-focus-guest').click();
  // WAT: scale the counter by 1000 before returning it; the comment is full of f's.
  await caretAfterLine(page, guest, shipped('keyvalue/counter.wat'), '(call $drop_bucket');
  const watLine = '(i64.store (i32.const 104) (i64.mul (i64.load (i32.const 104)) (i64.const 1000))) ;; if false, fix the offset: f F';
  await typeLines(page, [watLine]);
  // Monaco 0.57 types through a div.native-edit-context: that is what has focus here.
  expect(await page.evaluate(() => document.activeElement?.className ?? '')).toMatch(/native-edit-context|inputarea/);
  await expect(stage).toHaveCount(0);
  await expect.poll(() => editorLines(guest)).toContain(watLine);

  // The WIT editor too: a doc comment with "/// offset" and f's arrives whole.
  await page.getByTestId('stage-focus-wit').click();
  await caretAfterLine(page, wit, shipped('keyvalue/counter.wit'), 'Returns the new count.');
  await typeLines(page, ['/// offset: off by a factor of 1000 for the demo']);
  await expect(stage).toHaveCount(0);
  await expect.poll(() => editorLines(wit)).toContain('/// offset: off by a factor of 1000 for the demo');

  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/run\(\) → "?1000"?/);

  // Outside the editors F still opens the diagram for the room.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('f');
  await expect(stage).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(stage).toHaveCount(0);

  // JavaScript: an if, a function, false and a /// comment, typed line by line.
  await page.getByTestId('example-picker').selectOption('js-kv-counter');
  await page.getByTestId('stage-focus-guest').click();
  await expect(guest.getByText('wasi:keyvalue/store').first()).toBeVisible({ timeout: 20_000 });
  await caretAfterLine(page, guest, shipped('js/counter.js'), 'const visits');
  const jsLines = ['if (false) { return -1n; } /// offset stays', 'function twice(n) { return n * 2n; }', 'console.log(`fresh from the floor: ${twice(visits)}`);'];
  await typeLines(page, jsLines);
  await expect(stage).toHaveCount(0);
  await expect.poll(() => editorLines(guest)).toEqual(expect.arrayContaining(jsLines));

  await page.keyboard.press('Control+Enter');
  await expect.poll(() => consoleText(page), { timeout: 150_000 }).toMatch(/fresh from the floor: \d+/);
  const out = await consoleText(page);
  const visit = Number(/visit number (\d+)/.exec(out)?.[1]);
  expect(Number(/fresh from the floor: (\d+)/.exec(out)?.[1])).toBe(visit * 2);
  await expect(stage).toHaveCount(0);
});
