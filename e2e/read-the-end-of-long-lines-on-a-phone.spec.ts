import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoSidewaysScroll } from './layoutHelpers';
import { drawnCode } from './monacoHelpers';

/**
 * A student reads and edits an example's code on a phone. At 390 px the editor showed ~35
 * characters of each line: `(import "wasi:keyvalue/store@0.2.0-draft2" "open"` ended off the
 * right edge, reached only by panning the code sideways (which also moved the caret). On a
 * phone, upright or on its side, long lines wrap now; a laptop keeps one screen line per line.
 */

/** How far the code's rendered lines run past the editor's visible width (0: nothing is cut). */
async function overflow(editor: Locator): Promise<number> {
  return editor.locator('.monaco-editor').evaluate((root) => {
    const lines = root.querySelector<HTMLElement>('.view-lines')!;
    const visible = root.querySelector<HTMLElement>('.lines-content')!.parentElement!.getBoundingClientRect();
    const widest = Math.max(...[...lines.querySelectorAll<HTMLElement>('.view-line > span')].map((s) => s.getBoundingClientRect().right));
    return Math.max(0, Math.round(widest - visible.right));
  });
}

async function openOn(page: Page, query: string) {
  await page.goto(`/${query}`);
  await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
}

for (const { what, width, height } of [
  { what: 'a phone held upright', width: 390, height: 844 },
  { what: 'a phone on its side', width: 844, height: 390 },
]) {
  test(`${what}: every line of the code is whole on screen, and typing at a long line's end shows`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width, height }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
    const page = await context.newPage();
    await openOn(page, '?example=kv-counter');
    const editor = page.getByTestId('guest-editor');
    await editor.scrollIntoViewIfNeeded();
    expect(await overflow(editor), 'px of code past the editor’s right edge').toBe(0);
    await expect(editor.locator('.view-lines')).toContainText('"open"');
    // The student taps the long import line and types at its end.
    const line = editor.locator('.view-line', { hasText: 'wasi:keyvalue/store' }).first();
    await line.tap({ position: { x: 20, y: 5 } });
    await page.keyboard.press('End');
    await page.keyboard.press('End');
    await page.keyboard.type(' ;; mine');
    await expect.poll(() => drawnCode(editor)).toContain('"open";;mine');
    expect(await overflow(editor), 'after typing').toBe(0);
    await expect(editor.locator('.view-line', { hasText: 'mine' })).toBeInViewport();
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: test.info().outputPath(`code-${width}x${height}.png`) });
    await context.close();
  });
}

for (const [width, height] of [[1280, 720], [1024, 768]] as const) {
  test(`a laptop at ${width}×${height} keeps one screen line per line of code`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openOn(page, '?example=kv-counter');
    const editor = page.getByTestId('guest-editor');
    // Unwrapped: the long comment line runs past the editor's edge, as it always has.
    expect(await overflow(editor)).toBeGreaterThan(0);
    // The whole line is one row (wrapped, "imports are" was a row of its own).
    await expect(editor.locator('.view-line', { hasText: ';; A core module following' })).toContainText('imports are');
  });
}
