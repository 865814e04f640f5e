import { expect, test } from '@playwright/test';
import { openApp, openScratchWith } from './appHelpers';
import { producerWat, producerWit } from '../bench/messagingGuests';

// A presenter with two tabs: one runs a guest sending thousands of messages, the other
// watches the Trace. Other tabs get the newest events of each flush in full and a count of
// the rest (so a flood cannot stall every tab that listens), and those counted events used
// to vanish without a word: the watching tab read a busy tab as a quiet one.
const SENDS = 3000;
const wit = producerWit.replace('export run: func(n: u32) -> u32;', 'export run: func() -> u32;');
const wat = producerWat.replace('(func (export "run") (param $n i32) (result i32)\n    (local $c i32) (local $i i32)', `(func (export "run") (result i32)\n    (local $n i32) (local $c i32) (local $i i32)\n    (local.set $n (i32.const ${SENDS}))`);

test.use({ viewport: { width: 1280, height: 720 } });

test("the watching tab's Trace says how many of a flooding tab's events it only counted", async ({ page, context }) => {
  expect(wat).toContain(`(i32.const ${SENDS})`);
  const watcher = await context.newPage();
  await openApp(watcher);
  await watcher.getByTestId('tab-trace').click();
  const note = watcher.getByTestId('trace-other-tabs');
  await expect(note).toHaveCount(0);

  await openScratchWith(page, wit, wat);
  await page.getByTestId('tab-trace').click();
  await page.getByTestId('run').click();
  // The flooding tab lists every event of its own (two per send, and the run's own).
  await expect(page.locator('.trace-row[data-kind="lifecycle"]').filter({ hasText: 'exit' })).toBeInViewport({ timeout: 60_000 });
  const own = Number((await page.getByTestId('trace-count').innerText()).match(/^(\d+)/)?.[1]);
  expect(own).toBeGreaterThan(2 * SENDS);

  // The watcher lists some in full and says how many more it only counted: together, all of them.
  await watcher.bringToFront();
  await expect(note).toHaveText(/^\+[\d,]+ more in other tabs$/, { timeout: 15_000 });
  await expect
    .poll(async () => {
      const listed = Number((await watcher.getByTestId('trace-count').innerText()).match(/^(\d+)/)?.[1]);
      const counted = Number((await note.innerText()).match(/^\+([\d,]+)/)?.[1].replace(/,/g, ''));
      return listed + counted;
    })
    .toBe(own);
  await expect(note).toHaveAttribute('title', /Each tab's own Trace lists all of its events/);
  await watcher.screenshot({ path: test.info().outputPath('watcher-note.png') });
});
