import { expect, test, type Page } from '@playwright/test';
import { expectNoSidewaysScroll, expectOnScreen } from './layoutHelpers';
import { check, retypeLine } from './learnHelpers';

const width = async (page: Page, testId: string) => (await page.getByTestId(testId).boundingBox())!.width;

for (const [w, h] of [[1024, 768], [1280, 720]] as const) {
  test(`${w}×${h}: a presented lesson, its code and Check fit one screen`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('/?present&learn=keyvalue-get-set');
    await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
    await expectNoSidewaysScroll(page);
    // The lesson used to take ~600 px and leave the code 255 px, cut after ~10 characters.
    expect(await width(page, 'lesson-panel')).toBeLessThanOrEqual(w * 0.32);
    expect(await width(page, 'guest-editor')).toBeGreaterThan(w * 0.45);
    await expect(page.getByTestId('guest-editor')).toContainText("const bucket = open('counters');");
    // Check sat below the screen; now it stays in view while the lesson scrolls.
    await expectOnScreen(page, page.getByTestId('learn-check'), 'Check');
    await page.getByTestId('lesson-panel').locator('.lesson-body').evaluate((b) => (b.scrollTop = 0));
    await expectOnScreen(page, page.getByTestId('learn-check'), 'Check (lesson scrolled to the top)');
    // The output tabs are one row, not eight.
    expect((await page.locator('.output-pane .tabs').boundingBox())!.height).toBeLessThan(50);
    await page.screenshot({ path: test.info().outputPath(`present-lesson-${w}.png`) });
  });
}

test('1024×768: a verdict comes into view, its build error keeps the caret line, and the solution diff scrolls inside the lesson', async ({ page }) => {
  test.setTimeout(400_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/?present&learn=keyvalue-get-set');
  await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  const panel = await width(page, 'lesson-panel');
  const guest = await width(page, 'guest-editor');
  await retypeLine(page, 'guest-editor', 11, 'const visits = ;');
  // Asked for less motion, the verdict is in view at once (no smooth scroll to wait for).
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // Every text the stage line shows while Check works (it is gone when the verdict comes).
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { stages: string[] }).stages = []);
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="learn-stage"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await check(page);
  // A JS guest's first build says where its seconds go, in the bar beside Check.
  const stages = await page.evaluate(() => (window as unknown as { stages: string[] }).stages);
  expect(stages.some((t) => /^building visits: (downloading the JavaScript engine|loading the JS engine|splicing WIT bindings|initializing your JavaScript)/.test(t)), stages.join(' | ')).toBe(true);
  const verdict = page.getByTestId('learn-verdict');
  const inBody = await verdict.evaluate((v) => {
    const body = v.closest('.lesson-body')!.getBoundingClientRect();
    const r = v.getBoundingClientRect();
    return r.top >= body.top - 1 && r.top < body.bottom;
  });
  expect(inBody, 'the verdict is scrolled into the lesson panel at once').toBe(true);
  await expect(verdict).toBeInViewport({ ratio: 0.5 });
  await expect(verdict).toContainText('does not build');
  // The excerpt keeps its lines: the code, then the caret under the column.
  const excerpt = verdict.getByTestId('verdict-excerpt');
  const lines = (await excerpt.innerText()).split('\n');
  expect(lines.some((l) => l.includes('const visits = ;'))).toBe(true);
  expect(lines.at(-1)).toMatch(/^\.*\^$/);
  expect(await excerpt.evaluate((e) => getComputedStyle(e).fontFamily)).toMatch(/mono/i);
  await page.screenshot({ path: test.info().outputPath('build-error-verdict.png') });
  // A wide diff used to widen the lesson 447 → 686 px and squeeze the editors.
  await page.getByTestId('learn-solution').click();
  await expect(page.getByTestId('solution-diff')).toBeVisible();
  expect(await width(page, 'lesson-panel')).toBe(panel);
  expect(await width(page, 'guest-editor')).toBe(guest);
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: test.info().outputPath('solution-diff.png') });
});

test('the delivery-guarantees lesson lists its three promises under their intro line', async ({ page }) => {
  await page.goto('/?learn=delivery-guarantees');
  const text = page.getByTestId('lesson-panel').locator('.lesson-text');
  await expect(text.locator('p').first()).toHaveText('Under the same faulty network, three promises behave differently:');
  await expect(text.locator('ul > li')).toHaveCount(3);
  await expect(text.locator('ul > li').first()).toContainText('at-most-once');
});

test('passing the last lesson points at the lessons still open, and runs in a lesson carry its title', async ({ page }) => {
  test.setTimeout(400_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?learn=delivery-guarantees');
  await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  expect(await check(page)).toContain('Not yet');
  await page.getByTestId('learn-solution').click();
  await page.getByTestId('apply-solution').click();
  expect(await check(page)).toContain('Passed');
  const end = page.getByTestId('course-end');
  await expect(end).toBeInViewport();
  await expect(end).toContainText('15 lessons are still open');
  await page.screenshot({ path: test.info().outputPath('course-end.png') });
  // The run picker names the lesson, not the workspace example behind it.
  await page.getByTestId('run').click();
  await page.getByTestId('tab-trace').click();
  await expect(page.getByTestId('run-picker').locator('option').first()).toContainText('Delivery guarantees compared', { timeout: 120_000 });
  await expect(page.getByTestId('run-picker')).not.toContainText('Scratch');
  // So does the header's picker: the lesson is open, not the blank Scratch workspace.
  await expect(page.getByTestId('example-picker').locator('option:checked')).toHaveText('Lesson: Delivery guarantees compared');
  await end.getByTestId('course-open-lesson').first().click();
  await expect(page.getByTestId('lesson-title')).toContainText('A component and its world');
});
