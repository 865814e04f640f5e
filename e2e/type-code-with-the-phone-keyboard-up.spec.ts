import { expect, test, type Page } from '@playwright/test';
import { consoleText } from './appHelpers';
import { expectOnScreen } from './layoutHelpers';
import { drawnCode } from './monacoHelpers';

/** The element at the control's centre is the control: on screen and nothing over it. */
async function expectTappable(page: Page, testId: string) {
  const el = page.getByTestId(testId);
  await expectOnScreen(page, el, testId);
  const box = (await el.boundingBox())!;
  const hit = await page.evaluate(([x, y, id]) => document.elementFromPoint(x, y)?.closest(`[data-testid="${id}"]`) !== null, [box.x + box.width / 2, box.y + box.height / 2, testId] as const);
  expect(hit, `${testId} is not covered`).toBe(true);
}

/** Where the caret is drawn against the (sticky) header and the window's bottom: 'in view' when between them. */
async function caretPlace(page: Page): Promise<string> {
  return page.evaluate(() => {
    const caret = document.querySelector('[data-testid="guest-editor"] .cursors-layer .cursor')?.getBoundingClientRect();
    const header = document.querySelector('.app-header')!.getBoundingClientRect();
    if (!caret || caret.height === 0) return 'not drawn';
    if (caret.top < header.bottom - 1) return `under the header (caret top ${Math.round(caret.top)}, header bottom ${Math.round(header.bottom)})`;
    if (caret.bottom > innerHeight) return `below the window (caret bottom ${Math.round(caret.bottom)} of ${innerHeight})`;
    return 'in view';
  });
}

/** The caret's line is on screen, neither under the header nor under the keyboard. */
async function expectCaretInView(page: Page) {
  await expect.poll(() => caretPlace(page), { timeout: 5_000 }).toBe('in view');
}

/** Taps into the code, types at the end of line 10 (a comment), then the keyboard takes half the screen. */
async function typeThenRaiseKeyboard(page: Page, width: number, height: number) {
  const editor = page.getByTestId('guest-editor');
  await expect(editor.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await editor.locator('.view-lines').scrollIntoViewIfNeeded();
  await editor.locator('.view-lines').tap({ position: { x: 150, y: 40 } });
  await page.keyboard.press('Control+g');
  await page.keyboard.type('10');
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.press('End');
  await page.keyboard.type(' 1');
  // The keyboard: what the browser leaves visible is about half the screen.
  await page.setViewportSize({ width, height: Math.round(height / 2) });
}

/**
 * A student taps into the code on a phone and the on-screen keyboard comes up over half the
 * screen. The line being typed went under it (or, upright, under the four-row sticky header),
 * and Run and Check were out of sight. Now the header is one row while typing, the code fills
 * what is left, the caret's line stays in it, and Run (and Check, in a lesson) are a tap away.
 */
for (const { what, width, height, query, check } of [
  { what: 'a phone held upright, an example', width: 390, height: 844, query: '?example=kv-counter', check: undefined },
  { what: 'a phone held upright, a lesson', width: 390, height: 844, query: '?learn=keyvalue-get-set', check: 'header-check' },
  { what: 'a phone on its side, a lesson', width: 844, height: 390, query: '?learn=keyvalue-get-set', check: 'learn-check' },
]) {
  test(`${what}: with the keyboard up, the typed line and Run${check ? ' and Check' : ''} stay in reach`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width, height }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
    const page = await context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`/${query}`);
    await typeThenRaiseKeyboard(page, width, height);
    await expectCaretInView(page);
    await expectTappable(page, 'run');
    if (check) await expectTappable(page, check);
    // Typing goes on where it was, in view.
    await page.keyboard.type('2');
    await expect.poll(() => drawnCode(page.getByTestId('guest-editor'))).toContain('.12');
    await expectCaretInView(page);
    await page.screenshot({ path: test.info().outputPath(`keyboard-${width}x${height}-${check ?? 'example'}.png`) });
    if (!check) {
      // Run, tapped with the keyboard up, runs (the code as typed: " 12" sits in a comment).
      await page.getByTestId('run').tap();
      await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/run\(\) → "?\d+"?/);
    }
    await context.close();
  });
}

/**
 * Most phone browsers (iOS Safari, Chrome on Android) leave the window as it is and shrink only
 * its visual viewport, panned to where the caret was. Chromium here has no on-screen keyboard:
 * `visualViewport` is stood in for, as such a browser reports it.
 */
test('a phone whose keyboard shrinks only the visual viewport: the header, Run and the typed line are in what is visible', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const fake = Object.assign(new EventTarget(), { width: 390, height: 0, offsetTop: 0, offsetLeft: 0, pageTop: 0, pageLeft: 0, scale: 1 });
    Object.defineProperty(fake, 'height', { get: () => (fake as unknown as { h?: number }).h ?? innerHeight, set: (h: number) => ((fake as unknown as { h?: number }).h = h) });
    Object.defineProperty(window, 'visualViewport', { get: () => fake, configurable: true });
    (window as unknown as { raiseKeyboard(h: number, top: number): void }).raiseKeyboard = (h, top) => {
      fake.height = h;
      fake.offsetTop = top;
      fake.dispatchEvent(new Event('resize'));
    };
  });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?example=kv-counter');
  const editor = page.getByTestId('guest-editor');
  await expect(editor.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await editor.locator('.view-lines').scrollIntoViewIfNeeded();
  await editor.locator('.view-lines').tap({ position: { x: 150, y: 40 } });
  await page.keyboard.type(' ;; 1');
  // The keyboard covers the lower 422 px; the browser panned the visible part 200 px down.
  const [top, bottom] = [200, 200 + 422];
  await page.evaluate(([h, t]) => (window as unknown as { raiseKeyboard(h: number, top: number): void }).raiseKeyboard(h, t), [422, top]);
  const inVisible = async (what: string, box: { y: number; height: number } | null) => {
    expect(box, `${what} is drawn`).not.toBeNull();
    expect(box!.y, `${what} top`).toBeGreaterThanOrEqual(top - 1);
    expect(box!.y + box!.height, `${what} bottom`).toBeLessThanOrEqual(bottom + 1);
  };
  await expect.poll(async () => (await page.locator('.app-header').boundingBox())!.y).toBeCloseTo(top, 0);
  await inVisible('the header', await page.locator('.app-header').boundingBox());
  await inVisible('Run', await page.getByTestId('run').boundingBox());
  const header = (await page.locator('.app-header').boundingBox())!;
  await page.keyboard.type('2');
  const caret = (await editor.locator('.cursors-layer .cursor').first().boundingBox())!;
  await inVisible('the caret', caret);
  expect(caret.y, 'the caret is below the header').toBeGreaterThanOrEqual(header.y + header.height - 1);
  await context.close();
});

test('a laptop window made short while typing keeps its header and layout', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?learn=keyvalue-get-set');
  const editor = page.getByTestId('guest-editor');
  await expect(editor.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await editor.locator('.view-lines').click({ position: { x: 150, y: 40 } });
  await page.setViewportSize({ width: 1280, height: 360 });
  await page.keyboard.type('x');
  await expect(page.locator('html')).not.toHaveAttribute('data-keyboard', 'open');
  await expect(page.getByTestId('header-check')).toBeHidden();
  await expect(page.getByTestId('example-picker')).toBeVisible();
});
