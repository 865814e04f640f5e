import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoSidewaysScroll, expectOnScreen, expectTabsOnOneRow } from './layoutHelpers';
import { consoleText, openApp } from './appHelpers';
import { check, retypeLine } from './learnHelpers';

/** Its text is shown whole, not ellipsized or clipped. */
async function expectNotTruncated(el: Locator, what: string) {
  const { sw, cw } = await el.evaluate((e) => ({ sw: e.scrollWidth, cw: e.clientWidth }));
  expect(sw, `${what} text fits (scrollWidth ${sw} ≤ clientWidth ${cw})`).toBeLessThanOrEqual(cw + 1);
}

/**
 * The output tabs are one row that scrolls sideways; a keyboard user walks it with the
 * arrow keys and each tab, once selected, is scrolled on screen and shows its whole name.
 * Ends back on the first tab (Console).
 */
async function expectAllTabsWhole(page: Page) {
  await expectTabsOnOneRow(page);
  const tabs = page.locator('.output-pane [role="tab"]');
  const n = await tabs.count();
  await page.locator('.output-pane [role="tab"][aria-selected="true"]').focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < n; i++) {
    const tab = tabs.nth(i);
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expect(tab).toBeFocused();
    const name = await tab.innerText();
    await expectOnScreen(page, tab, `output tab "${name}"`);
    await expectNotTruncated(tab, `output tab "${name}"`);
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Home');
}

test('1024×768: the whole header, every output tab and the status are on screen', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openApp(page, '?example=kv-counter');
  await expectNoSidewaysScroll(page);
  for (const id of ['example-picker', 'run', 'stop', 'workspaces', 'share', 'present-toggle', 'settings', 'status']) await expectOnScreen(page, page.getByTestId(id), id);
  await expectAllTabsWhole(page);
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/run\(\) → "?\d+"?/);
  await expect(page.getByTestId('status')).toContainText('ran in');
  await expectNotTruncated(page.getByTestId('status'), 'status');
  // The Trace table fits its columns: guest names and functions are not cut.
  await page.getByTestId('tab-trace').click();
  const row = page.locator('[data-testid="trace-row"][data-kind="call"]').first();
  await expect(row).toBeVisible();
  for (const cell of ['.tc-time', '.tc-guest', '.tc-what']) await expectNotTruncated(row.locator(cell), `trace ${cell}`);
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: test.info().outputPath('1024x768.png') });
});

test('1440×900: the 2022 debates tab and the status are whole', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, '?example=msg-fan-out&panel=debates');
  await expectNoSidewaysScroll(page);
  await expectAllTabsWhole(page);
  await expectOnScreen(page, page.getByTestId('status'), 'status');
});

test('1280×720 presenter: one editor large, every tab readable, the output large on request', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, '?present&example=msg-fan-out');
  await expectNoSidewaysScroll(page);
  await expectAllTabsWhole(page);
  // The description is folded to a line.
  expect((await page.getByTestId('example-description').boundingBox())!.height).toBeLessThan(60);
  const guest = page.getByTestId('guest-editor');
  const output = page.getByRole('region', { name: 'Output' });
  await expect(page.getByTestId('stage-focus-guest')).toHaveAttribute('aria-pressed', 'true');
  expect((await guest.boundingBox())!.width).toBeGreaterThan(1280 * 0.55);
  await expect(page.getByTestId('wit-editor')).toBeHidden();
  await page.getByTestId('stage-focus-output').click();
  expect((await output.boundingBox())!.width).toBeGreaterThan(1280 * 0.65);
  await expectAllTabsWhole(page);
  await page.screenshot({ path: test.info().outputPath('presenter-output.png') });
  await page.getByTestId('stage-focus-wit').click();
  await expect(page.getByTestId('wit-editor')).toBeVisible();
  expect((await page.getByTestId('wit-editor').boundingBox())!.width).toBeGreaterThan(1280 * 0.55);
  await page.screenshot({ path: test.info().outputPath('presenter-wit.png') });
});

test('800×500 embed of the diagram: the diagram takes most of the frame, nothing cut', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 500 });
  await page.goto('/?embed&panel=diagram&example=proposal-delivery-guarantees');
  const diagram = page.getByTestId('flow-diagram');
  await expect(diagram).toBeVisible();
  await expectNoSidewaysScroll(page);
  expect((await page.getByRole('region', { name: 'Output' }).boundingBox())!.width).toBeGreaterThan(800 * 0.6);
  for (const id of ['run', 'diagram-pause', 'diagram-filter-guest', 'diagram-filter-topic', 'diagram-filter-kind']) await expectOnScreen(page, page.getByTestId(id), id);
  // One line, not two.
  expect((await page.getByTestId('diagram-pause').boundingBox())!.height).toBeLessThan(30);
  // The output tabs are one scrolling row (three wrapped rows took 100 px), the open one in view.
  expect((await page.locator('.output-pane .tabs').boundingBox())!.height).toBeLessThan(45);
  await expectOnScreen(page, page.getByTestId('tab-diagram'), 'Diagram tab');
  // Filters show their whole label ("all guests", not "all g").
  for (const id of ['diagram-filter-guest', 'diagram-filter-topic', 'diagram-filter-kind']) {
    const label = await page.getByTestId(id).evaluate((s: HTMLSelectElement) => {
      const probe = document.createElement('span');
      probe.textContent = s.selectedOptions[0].text;
      probe.style.cssText = `font: ${getComputedStyle(s).font}; position: absolute; visibility: hidden; white-space: nowrap`;
      document.body.append(probe);
      const w = probe.offsetWidth;
      probe.remove();
      return { text: w, box: s.clientWidth };
    });
    expect(label.text, `${id} label fits`).toBeLessThanOrEqual(label.box - 12);
  }
  // Every guest's name is whole in its node.
  const names = page.locator('[data-testid="diagram-node"] .flow-node-name');
  await expect(names).toHaveCount(5);
  for (let i = 0; i < 5; i++) await expectNotTruncated(names.nth(i), `node ${i}`);
  await page.screenshot({ path: test.info().outputPath('embed-800x500.png') });
});

test('800×500 embed of an example: the guest code and the output side by side, the WIT one click away', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 500 });
  await page.goto('/?embed&example=kv-counter');
  const guest = page.getByTestId('guest-editor');
  await expect(guest.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await expectNoSidewaysScroll(page);
  // Three columns left the guest ~280 px, its code cut at ~28 characters.
  expect((await guest.boundingBox())!.width).toBeGreaterThan(800 * 0.55);
  await expect(page.getByTestId('wit-editor')).toBeHidden();
  await expect(guest).toContainText('(import "wasi:keyvalue/store@0.2.0-draft2" "open"');
  await expectTabsOnOneRow(page);
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/run\(\) → \d+/);
  for (const id of ['run', 'stop', 'stage-focus-wit', 'open-full']) await expectOnScreen(page, page.getByTestId(id), id);
  expect((await page.getByTestId('status').boundingBox())!.width, 'the status keeps some room').toBeGreaterThan(60);
  await page.screenshot({ path: test.info().outputPath('embed-800x500-example.png') });
  await page.getByTestId('stage-focus-wit').click();
  await expect(page.getByTestId('wit-editor')).toBeVisible();
  expect((await page.getByTestId('wit-editor').boundingBox())!.width).toBeGreaterThan(800 * 0.55);
});

test('a 390-wide phone: Run is on screen and tappable, and the example runs', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await openApp(page, '?example=kv-counter');
  await expectNoSidewaysScroll(page);
  const run = page.getByTestId('run');
  await expectOnScreen(page, run, 'Run');
  // No key hints on a touch-only phone: no Ctrl+↵ on Run, no Tab/Ctrl+M line over the editor.
  await expect(run.locator('kbd')).toBeHidden();
  expect((await run.innerText()).trim()).toBe('Run');
  await expect(page.getByTestId('editor-key-hint').first()).toBeHidden();
  // The sticky header once wrapped to four rows of buttons, 45% of the screen; the rest waits behind ⋯ More.
  expect((await page.locator('.app-header').boundingBox())!.height).toBeLessThan(844 * 0.3);
  await expect(page.getByTestId('share')).toBeHidden();
  const box = (await run.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(40);
  // Nothing covers it: the element at its centre is the button (or inside it).
  const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('[data-testid="run"]') !== null, [box.x + box.width / 2, box.y + box.height / 2]);
  expect(hit).toBe(true);
  await run.tap();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/run\(\) → "?\d+"?/);
  // The output sits under the code, below the fold: Run brings it up (it once changed only
  // the status line), with its top clear of the sticky header.
  await expect(page.getByTestId('console-line').first()).toBeInViewport();
  const header = (await page.locator('.app-header').boundingBox())!;
  expect((await page.locator('.output-pane').boundingBox())!.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
  await page.screenshot({ path: test.info().outputPath('phone.png') });
  await context.close();
});

test('a 390-wide phone in the course: the lesson reads whole, the code under it takes typing, and Check passes it', async ({ browser }) => {
  // Check builds the JavaScript guest: the engine's first download and compile on this machine.
  test.setTimeout(300_000);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await openApp(page, '?example=kv-counter');
  await page.getByTestId('learn-entry').tap();
  await expect(page.getByTestId('lesson-title')).toBeVisible();
  // Side by side, the lesson's minimum width pushed the editors off the right edge and cut its lines.
  await expectNoSidewaysScroll(page);
  const panel = page.getByTestId('lesson-panel');
  const box = (await panel.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390.5);
  await expectNotTruncated(panel.locator('.lesson-body'), 'the lesson text');
  // The code sits under the lesson, as wide as the screen.
  const editor = page.getByTestId('guest-editor');
  await editor.locator('.monaco-editor').scrollIntoViewIfNeeded();
  // Both boxes at one instant: measured one after the other, a scroll between them (the page
  // settling after scrollIntoViewIfNeeded) once made the code look as if it overlapped the lesson.
  const [code, lesson] = await page.evaluate(() =>
    ['guest-editor', 'lesson-panel'].map((id) => {
      const r = document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  expect(code!.y).toBeGreaterThan(lesson!.y + lesson!.height - 1);
  expect(code!.x + code!.width).toBeLessThanOrEqual(390.5);
  await retypeLine(page, 'guest-editor', 4, "console.log('hello from a component');");
  await retypeLine(page, 'guest-editor', 6, "return 'hello, wasi';");
  await expect(editor.locator('.view-lines')).toContainText("console.log('hello from a component');");
  await expect(editor.locator('.view-lines')).toContainText("return 'hello, wasi';");
  await page.getByTestId('learn-check').scrollIntoViewIfNeeded();
  await expectOnScreen(page, page.getByTestId('learn-check'), 'Check');
  expect(await check(page)).toContain('Passed');
  // Entered from the header, the course stays on the lesson just passed (it used to jump to
  // the next one at once, taking the verdict with it).
  await expect(page.getByTestId('lesson-title')).toContainText('A component and its world');
  await page.screenshot({ path: test.info().outputPath('phone-course.png') });
  await context.close();
});

test('a 390-wide phone: every header menu opens inside the screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await openApp(page, '?example=kv-counter');
  await page.getByTestId('header-more').tap();
  await expect(page.getByTestId('header-more')).toHaveAttribute('aria-expanded', 'true');
  // Anchored to buttons in the middle of a row, these ran off the right edge (the page then
  // scrolled sideways to reach Copy link or Export).
  for (const [menu, popover] of [['workspaces', '.workspaces-popover'], ['storage', '.storage-popover'], ['share', '.share-popover'], ['settings', '.settings-popover']] as const) {
    const summary = page.getByTestId(menu);
    await summary.tap();
    const opened = page.locator(popover);
    await expect(opened).toBeVisible();
    const box = (await opened.boundingBox())!;
    expect(box.x, `${popover} left edge`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${popover} right edge`).toBeLessThanOrEqual(390.5);
    await expectNoSidewaysScroll(page);
    await summary.tap();
    await expect(opened).toBeHidden();
  }
  await context.close();
});
