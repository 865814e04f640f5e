import { expect, test, type Page } from '@playwright/test';
import { consoleText } from './appHelpers';
import { expectNoSidewaysScroll, expectOnScreen, expectTabsOnOneRow, visibleHeight } from './layoutHelpers';

/**
 * A presenter zooms the browser so the back of the room can read: 1280×720 at 150 % is an
 * 853×480 CSS viewport at device scale 1.5, at 125 % 1024×576 at 1.25. Presenter mode's own
 * 1.4× on top wrapped the header to 3 rows and the output tabs to 5, left the console part
 * of a line and pushed the diagram and the trace below the screen.
 */
const SIZES = [
  { w: 853, h: 480, scale: 1.5, zoom: '150 %' },
  { w: 1024, h: 576, scale: 1.25, zoom: '125 %' },
  { w: 1280, h: 720, scale: 1, zoom: '100 %' },
] as const;

async function runRequestReply(page: Page) {
  await page.goto('/?present&example=msg-request-reply');
  await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/replied HELLO, WASI/);
}

for (const { w, h, scale, zoom } of SIZES) {
  test(`presenting at ${zoom} browser zoom (${w}×${h}): the console, the diagram and the trace get the room`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: scale });
    const page = await context.newPage();
    await runRequestReply(page);
    await expectNoSidewaysScroll(page);
    // The header is two rows at most, not three.
    expect((await page.locator('.app-header').boundingBox())!.height).toBeLessThan(h * 0.25);
    await expectTabsOnOneRow(page);
    // Console: its lines are on screen, with room for more below them.
    await expect(page.getByTestId('console-line').first()).toBeInViewport();
    expect(await visibleHeight(page, page.locator('.console-body'))).toBeGreaterThan(h * 0.4);
    await page.screenshot({ path: test.info().outputPath(`console-${w}.png`) });

    // Diagram in the side pane: the drawing itself is on screen, its names whole.
    await page.getByTestId('tab-diagram').click();
    await expectOnScreen(page, page.getByTestId('tab-diagram'), 'Diagram tab');
    await expect(page.getByTestId('diagram-node')).toHaveCount(6);
    expect(await visibleHeight(page, page.getByTestId('flow-diagram'))).toBeGreaterThan(w < 1000 ? 110 : 150);
    for (const name of await page.locator('.flow-node-name').all()) {
      expect(await name.evaluate((e) => e.scrollWidth <= e.clientWidth), await name.innerText()).toBe(true);
    }
    // The room between guests and topics goes to the arrows and their counts (spread evenly
    // with the margins it was ~39 px at 150 %, ~80 px at 100 %).
    const gap = await page.evaluate(() => {
      const box = (name: string) => document.querySelector(`[data-testid="diagram-node"][data-name="${name}"]`)!.getBoundingClientRect();
      return box('greet').left - box('shouter').right;
    });
    expect(gap).toBeGreaterThan(w < 1000 ? 80 : 140);
    // Every count is reachable where a label has no room: the arrow's hover title says it.
    await expect(page.locator('[data-testid="diagram-edge"][data-from="guest:lonely-asker"][data-to="topic:nobody.home"]')).toHaveAttribute('data-count', '1');
    const mid = await page.evaluate(() => {
      const el = (name: string) => document.querySelector<HTMLElement>(`[data-testid="diagram-node"][data-name="${name}"]`)!;
      const [a, b] = [el('lonely-asker').getBoundingClientRect(), el('nobody.home').getBoundingClientRect()];
      const zoom = a.width / el('lonely-asker').offsetWidth;
      // The message arrow's curve (layoutFlow edgeCurve) at its middle: it bends down.
      const bend = Math.min(28, ((b.left - a.right) / zoom) * 0.12 + 6) * zoom;
      return { x: (a.right + b.left) / 2, y: (a.top + a.bottom) / 2 + bend / 2 };
    });
    await page.mouse.move(mid.x, mid.y);
    await expect(page.locator('.flow-canvas')).toHaveAttribute('title', 'lonely-asker → nobody.home: messages ×1');
    await page.screenshot({ path: test.info().outputPath(`diagram-${w}.png`) });

    // Trace with the output large: rows on screen, not just the tabs and the run picker.
    await page.getByTestId('stage-focus-output').click();
    await page.getByTestId('tab-trace').click();
    await expect(page.getByTestId('trace-row').first()).toBeAttached();
    expect(await visibleHeight(page, page.locator('.trace-body'))).toBeGreaterThan(h * 0.3);
    // Polled, and the body found on its own: the rows are redrawn as the run's last events
    // arrive, and a row read mid-redraw was no longer inside the body (a flaky null).
    const rowsOnScreen = () =>
      page.getByTestId('trace-row').evaluateAll((rows) => {
        const body = document.querySelector('.trace-body')?.getBoundingClientRect();
        if (!body) return 0;
        const bottom = Math.min(body.bottom, innerHeight);
        return rows.filter((r) => { const b = r.getBoundingClientRect(); return b.top >= body.top - 1 && b.bottom <= bottom + 1; }).length;
      });
    await expect.poll(rowsOnScreen, { message: 'trace rows on screen' }).toBeGreaterThanOrEqual(6);
    await expectTabsOnOneRow(page);
    await page.screenshot({ path: test.info().outputPath(`trace-${w}.png`) });
    await context.close();
  });
}

test('presenting at 150 %: the keyboard reaches the last output tab, scrolled into view, and comes back', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5 });
  const page = await context.newPage();
  await page.goto('/?present&example=msg-request-reply');
  const tabs = page.locator('.output-pane [role="tab"]');
  await expect(tabs.first()).toBeVisible();
  // The row is wider than the pane: some tabs are out of view until chosen.
  const last = tabs.last();
  expect(await last.evaluate((t) => t.getBoundingClientRect().left >= t.parentElement!.getBoundingClientRect().right)).toBe(true);
  await tabs.first().focus();
  await page.keyboard.press('End');
  await expect(last).toBeFocused();
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expectOnScreen(page, last, 'last output tab');
  // The first tab's end fades: there are tabs that way.
  await expect(page.locator('.output-pane .tabs')).toHaveAttribute('data-more', /start|both/);
  await page.keyboard.press('Home');
  await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
  await expectOnScreen(page, tabs.first(), 'first output tab');
  await context.close();
});

/** The guest editor's code font: its CSS size, and the screen pixels it takes at this zoom. */
async function codeFont(page: Page) {
  const lines = page.getByTestId('guest-editor').locator('.monaco-editor .view-lines');
  await expect(lines).toBeVisible({ timeout: 30_000 });
  return lines.evaluate((el) => {
    const css = parseFloat(getComputedStyle(el).fontSize);
    return { css, screen: css * devicePixelRatio };
  });
}

// Presenter mode enlarges the code by its font size (editors are not CSS-zoomed); with the
// browser at 150 % on top that was 22 × 1.5 = 33 screen pixels, about a dozen lines of code
// on a 720-pixel projector. Now the code grows with the browser's zoom as the UI does.
for (const { w, h, scale, zoom } of SIZES) {
  test(`presenting at ${zoom} browser zoom (${w}×${h}): the code reads from the back without filling the screen`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: scale });
    const page = await context.newPage();
    await page.goto('/?present&example=msg-request-reply');
    const example = await codeFont(page);
    await page.goto('/?present&learn=keyvalue-get-set');
    const lesson = await codeFont(page);
    if (scale === 1) {
      expect(example.css).toBe(22);
      expect(lesson.css).toBe(18);
    } else {
      // Never below what 100 % shows (22 and 18 screen pixels), never the browser's full multiple.
      expect(example.screen).toBeGreaterThanOrEqual(22);
      expect(example.screen).toBeLessThanOrEqual(27);
      expect(lesson.screen).toBeGreaterThanOrEqual(18);
      expect(lesson.screen).toBeLessThanOrEqual(23);
    }
    await page.screenshot({ path: test.info().outputPath(`lesson-code-${w}.png`) });
    await context.close();
  });
}
