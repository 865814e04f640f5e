import { expect, test, type Page } from '@playwright/test';
import { expectNoSidewaysScroll, expectOnScreen } from './layoutHelpers';
import { check, retypeLine } from './learnHelpers';

/**
 * A presenter at a WASI meeting zooms the browser so the room can read: 1280×720 at 150 % is
 * an 853×480 CSS viewport at device scale 1.5, at 125 % 1024×576 at 1.25. Presenting a lesson
 * there left the lesson's nav, its text, a two-row footer and a two-row Check bar in 480 px:
 * 3 lines of text between the title and Check at 150 %, 7 at 125 %.
 */
const ZOOMED = [
  { w: 853, h: 480, scale: 1.5, zoom: '150 %', lines: 9 },
  { w: 1024, h: 576, scale: 1.25, zoom: '125 %', lines: 13 },
] as const;

async function presentLesson(page: Page, id: string) {
  await page.goto(`/?present&learn=${id}`);
  await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
}

/** The lesson text between the title and the Check bar, in lines, and its size in screen pixels. */
async function lessonRoom(page: Page) {
  return page.evaluate(() => {
    const title = document.querySelector('[data-testid="lesson-title"]')!.getBoundingClientRect();
    const bar = document.querySelector('.lesson-actions')!.getBoundingClientRect();
    const p = document.querySelector<HTMLElement>('.lesson-text p')!;
    const zoom = p.getBoundingClientRect().width / p.offsetWidth;
    const lineHeight = parseFloat(getComputedStyle(p).lineHeight) * zoom;
    return { lines: (bar.top - title.bottom) / lineHeight, screenPx: parseFloat(getComputedStyle(p).fontSize) * zoom * devicePixelRatio };
  });
}

/** The lesson text's screen size when presenting at 100 % on the same projector. */
async function textAt100(page: Page): Promise<number> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await presentLesson(page, 'keyvalue-get-set');
  return (await lessonRoom(page)).screenPx;
}

for (const { w, h, scale, zoom, lines } of ZOOMED) {
  test(`presenting a lesson at ${zoom} browser zoom (${w}×${h}): the lesson reads between its title and Check`, async ({ browser, page }) => {
    const at100 = await textAt100(page);
    const context = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: scale });
    const zoomed = await context.newPage();
    await presentLesson(zoomed, 'keyvalue-get-set');
    await expectNoSidewaysScroll(zoomed);
    const room = await lessonRoom(zoomed);
    expect(room.lines, 'lines of lesson text between the title and the Check bar').toBeGreaterThanOrEqual(lines);
    // Still at least as large on screen as at 100 % (the browser's zoom enlarges it already).
    expect(room.screenPx).toBeGreaterThanOrEqual(at100 - 0.1);
    await expectOnScreen(zoomed, zoomed.getByTestId('learn-check'), 'Check');
    await zoomed.screenshot({ path: test.info().outputPath(`lesson-top-${w}.png`) });

    // The lesson's nav and its footer scroll with it; nothing of them is out of reach.
    const panel = zoomed.getByTestId('lesson-panel');
    await panel.evaluate((p) => (p.scrollTop = p.scrollHeight));
    await expectOnScreen(zoomed, zoomed.getByTestId('learn-leave'), 'Leave the course (lesson scrolled to its end)');
    await expectOnScreen(zoomed, zoomed.getByTestId('lesson-link'), 'Copy lesson link (lesson scrolled to its end)');
    await expectOnScreen(zoomed, zoomed.getByTestId('learn-check'), 'Check (lesson scrolled to its end)');
    await panel.evaluate((p) => (p.scrollTop = 0));
    await expectOnScreen(zoomed, zoomed.getByRole('button', { name: 'Next lesson' }), 'next lesson ›');
    await context.close();
  });
}

test('presenting a lesson at 150 %: the presenter edits with the keyboard, checks, and the verdict and the task are in view', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5 });
  const page = await context.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await presentLesson(page, 'wit-types-canonical-abi');
  // "Your task ↓" puts the task on screen above the Check bar.
  await page.getByTestId('lesson-jump-to-task').click();
  await expect(page.getByTestId('lesson-task')).toBeFocused();
  await expect(page.getByTestId('lesson-task')).toBeInViewport({ ratio: 1 });
  const task = (await page.getByTestId('lesson-task').boundingBox())!;
  const bar = (await page.locator('.lesson-actions').boundingBox())!;
  expect(task.y + task.height, 'the task ends above the Check bar').toBeLessThanOrEqual(bar.y + 1);
  // The length stored in the return area, 4 → 5: "wasm " (still wrong, but a change typed live).
  await retypeLine(page, 'guest-editor', 13, '(i32.store (i32.const 4) (i32.const 5))');
  const verdict = await check(page, 120_000);
  expect(verdict).toContain('Not yet');
  expect(verdict).toContain('returned "wasm "');
  await expect(page.getByTestId('learn-verdict')).toBeInViewport({ ratio: 0.5 });
  await expectOnScreen(page, page.getByTestId('learn-check'), 'Check after the verdict');
  await page.screenshot({ path: test.info().outputPath('verdict-853.png') });
  await context.close();
});
