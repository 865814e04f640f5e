import { expect, test } from '@playwright/test';
import { check, deleteLines, gotoLesson, retypeLine } from './learnHelpers';

// A student on a classroom laptop (1024×768) is one character off the solution, at the end
// of a long line. The lesson panel's diff cut lines at its edge: "- const visits = (stored ===
// undefined ?" over "+ const visits = (stored === undefined ?", the difference out of sight,
// two lines that looked equal. Now lines wrap and the differing part is marked in both.
test.use({ viewport: { width: 1024, height: 768 } });

test('the solution diff shows, on a small screen, exactly what differs inside my line', async ({ page }) => {
  test.setTimeout(300_000);
  await gotoLesson(page, 'keyvalue-get-set');
  // The two TODO comment lines become the read and a count that starts from 1 instead of 0.
  await retypeLine(page, 'guest-editor', 9, "const stored = bucket.get('visits');");
  await retypeLine(page, 'guest-editor', 10, 'const visits = (stored === undefined ? 1 : Number(decoder.decode(stored))) + 1;');
  await deleteLines(page, 'guest-editor', 11, 1);
  expect(await check(page)).toContain('key visits holds 4, expected 3 after 3 runs');

  await page.getByTestId('learn-solution').click();
  const diff = page.getByTestId('solution-diff');
  const marks = diff.locator('mark');
  await expect(marks).toHaveText(['1', '0']);
  await expect(diff.locator('.diff-del')).toHaveCount(1);
  // The changed lines are whole on screen: wrapped, not cut at the panel's edge, and the box
  // opens at them (the guest is longer than the box).
  for (const line of await diff.locator('.diff-del, .diff-add').all()) expect(await line.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await diff.scrollIntoViewIfNeeded();
  for (const mark of await marks.all()) await expect(mark).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: test.info().outputPath('solution-diff.png') });

  // "Put the solution in the editor" would replace my attempt: it asks first (it replaced it
  // unasked), and declined, my line stays.
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await page.getByTestId('apply-solution').click();
  await expect.poll(() => asked).toEqual(['Put the solution in the editor? Your code for this lesson is replaced by it.']);
  await expect(marks).toHaveText(['1', '0']);
  await expect(page.getByTestId('guest-editor').locator('.view-line', { hasText: 'undefined ? 1 :' })).toHaveCount(1);
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('apply-solution').click();
  await expect(diff).toContainText('your code is the solution');
});
