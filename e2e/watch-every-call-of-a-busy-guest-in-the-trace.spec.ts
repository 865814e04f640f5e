import { expect, test } from '@playwright/test';
import { openScratchWith } from './appHelpers';
import { producerWat, producerWit } from '../bench/messagingGuests';

// Each send is two events (the call and the message), so the trace's 10,000 are overrun and
// the oldest pushed out while the table follows.
const SENDS = 6000;
const wit = producerWit.replace('export run: func(n: u32) -> u32;', 'export run: func() -> u32;');
const wat = producerWat.replace('(func (export "run") (param $n i32) (result i32)\n    (local $c i32) (local $i i32)', `(func (export "run") (result i32)\n    (local $n i32) (local $c i32) (local $i i32)\n    (local.set $n (i32.const ${SENDS}))`);

test.use({ viewport: { width: 1280, height: 720 } });

test('the Trace table follows a guest sending 6,000 messages: the newest on screen, the count capped, the filter finding what is held', async ({ page }) => {
  expect(wat).toContain(`(i32.const ${SENDS})`);
  await openScratchWith(page, wit, wat);
  await page.getByTestId('tab-trace').click();
  await page.getByTestId('run').click();

  // Followed to the end: the guest's exit is the newest row, on screen, with the count capped.
  const exit = page.locator('.trace-row[data-kind="lifecycle"]').filter({ hasText: 'exit' });
  await expect(exit).toBeInViewport({ timeout: 60_000 });
  await expect(page.getByTestId('trace-count')).toHaveText('10000 events');
  await page.screenshot({ path: test.info().outputPath('trace-following.png') });

  // The filter box, typed as a person types, narrows to what is held.
  await page.getByLabel('Filter trace').click();
  await page.keyboard.type('lifecycle');
  await expect(page.getByTestId('trace-count')).toHaveText(/^[1-9] \/ 10000 events$/);
  await expect(exit).toBeVisible();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('bench.msg');
  // The message events on the topic: half of what is held (the send calls, the other half, name the topic only in their arguments).
  await expect(page.getByTestId('trace-count')).toHaveText(/^(4999|5000) \/ 10000 events$/);
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('trace-count')).toHaveText('10000 events');
  await expect(exit).toBeInViewport();
});
