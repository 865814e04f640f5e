import { expect, test, type Page } from '@playwright/test';
import { openScratchWith } from './appHelpers';
import { producerWat, producerWit } from '../bench/messagingGuests';

// 400 sends: 800 events and the run's own, far more than the pane shows.
const SENDS = 400;
const wit = producerWit.replace('export run: func(n: u32) -> u32;', 'export run: func() -> u32;');
const wat = producerWat.replace('(func (export "run") (param $n i32) (result i32)\n    (local $c i32) (local $i i32)', `(func (export "run") (result i32)\n    (local $n i32) (local $c i32) (local $i i32)\n    (local.set $n (i32.const ${SENDS}))`);

/** The index of the row right under the table's sticky head, and the rows' height. */
async function rowUnderHead(page: Page): Promise<{ index: number; height: number; narrow: boolean }> {
  return page.evaluate(() => {
    const body = document.querySelector<HTMLElement>('.trace-body')!;
    const head = body.querySelector<HTMLElement>('.trace-head')!.getBoundingClientRect();
    const rows = [...body.querySelectorAll<HTMLElement>('.trace-row')];
    const row = rows.find((r) => r.getBoundingClientRect().top >= head.bottom - 1)!;
    const height = row.getBoundingClientRect().height;
    return { index: Math.round(parseFloat(/translateY\((\S+)px\)/.exec(row.style.transform)![1]!) / height), height, narrow: !!document.querySelector('.trace-panel[data-narrow]') };
  });
}

test.use({ viewport: { width: 1400, height: 900 } });

test('a reader scrolled up in the Trace keeps reading the same event when the table goes to one line per event and back', async ({ page }) => {
  await openScratchWith(page, wit, wat);
  await page.getByTestId('tab-trace').click();
  await page.getByTestId('run').click();
  await expect(page.locator('.trace-row[data-kind="lifecycle"]').filter({ hasText: 'exit' })).toBeInViewport({ timeout: 60_000 });
  // Beside the editors at this size each event takes two lines (args → result under its name).
  const first = await rowUnderHead(page);
  expect(first.narrow).toBe(true);

  // The reader scrolls up to the 300th event with the wheel, as a person does.
  await page.locator('.trace-body').hover();
  const target = 300 * first.height;
  for (let i = 0; i < 100; i++) {
    const top = await page.locator('.trace-body').evaluate((el) => el.scrollTop);
    if (Math.abs(top - target) < first.height / 2) break;
    await page.mouse.wheel(0, Math.max(-600, Math.min(600, target - top)));
    await page.waitForTimeout(30);
  }
  const before = await rowUnderHead(page);
  expect(before.index).toBeGreaterThan(280);

  // The window widens (moved to the big screen): one line per event.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(page.locator('.trace-panel[data-narrow]')).toHaveCount(0);
  const wide = await rowUnderHead(page);
  expect(wide.height).toBeLessThan(before.height);
  expect(wide.index).toBe(before.index);
  await page.screenshot({ path: test.info().outputPath('one-line.png') });

  // And back to two lines: still the same event.
  await page.setViewportSize({ width: 1400, height: 900 });
  await expect(page.locator('.trace-panel[data-narrow]')).toBeVisible();
  expect((await rowUnderHead(page)).index).toBe(before.index);
});
