import { expect, test } from '@playwright/test';
import { consoleText, openApp } from './appHelpers';
import { caretAfterLine, editorLines, markedLines, shipped } from './monacoHelpers';

// A student misspells a type in the WIT of a JavaScript or TypeScript example. Our WIT parser lets a name it
// does not know through; the engine's bindings generator is the first to reject it. The mistake
// must be marked in the WIT, at the misspelt name, as it is for a WAT guest, and the guest's
// code (which is fine) must not be blamed.
test.use({ viewport: { width: 1280, height: 720 } });

const cases = [
  { example: 'js-kv-counter', lang: 'JavaScript', wit: 'js/counter.wit', type: 's64' },
  { example: 'ts-kv-visit-log', lang: 'TypeScript', wit: 'js/visitLog.wit', type: 'string' },
];

for (const { example, lang, wit: witFile, type } of cases) {
  test(`a misspelt type in a ${lang} guest's WIT is marked at its WIT line, not on the guest`, async ({ page }) => {
    test.setTimeout(240_000);
    await openApp(page, `?example=${example}`);
    const wit = page.getByTestId('wit-editor');
    const guest = page.getByTestId('guest-editor');
    await expect(wit.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });

    // `export run: func() -> <type>;` becomes `-> strng;`, typed as a person would.
    const exported = `export run: func() -> ${type};`;
    const source = shipped(witFile);
    const line = source.findIndex((l) => l.includes(exported)) + 1;
    await caretAfterLine(page, wit, source, exported);
    await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < type.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('strng');
    await page.keyboard.press('Escape');
    await expect.poll(() => editorLines(wit)).toContain('export run: func() -> strng;');

    await page.getByTestId('run').click();
    await expect(page.getByTestId('status')).toContainText(/build failed/, { timeout: 120_000 });
    const column = source[line - 1].indexOf(type) + 1;
    // The console draws its newest lines up to 100 ms after the status line changes (CONSOLE_RENDER_MS).
    await expect.poll(() => consoleText(page)).toContain(`wit:${line}:${column}`);
    const text = await consoleText(page);
    expect(text).toMatch(/strng/);
    expect(text).not.toMatch(/guest:1:1/);

    // The squiggle is under the name on that WIT line, the WIT pane counts the error, the guest has none.
    await expect.poll(() => markedLines(wit), { timeout: 20_000 }).toEqual([line]);
    await expect(wit.locator('.error-count')).toHaveText('1 error');
    expect(await markedLines(guest)).toEqual([]);
    await expect(guest.locator('.error-count')).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('wit-type-error.png') });
  });
}
