import { deflateRawSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { check, editBeforeEnd, teacherLesson } from './learnHelpers';

// A student presses Check, reads the verdict, and the page reloads (a laptop's lid, a tab the
// browser discarded, F5). The verdict was gone although nothing had changed. It is shown
// again now, said to be from before, for as long as the code is what it judged.
test.use({ viewport: { width: 1280, height: 720 } });

const lesson = { ...teacherLesson, check: { expect: [{ kind: 'result', equals: 42 }] } };
const link = `/?learn=teacher-answer#l1.${deflateRawSync(Buffer.from(JSON.stringify(lesson))).toString('base64url')}`;

test('the last verdict shows again after a reload while the code is unchanged, and goes at the first edit', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(link);
  await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  expect(await check(page)).toContain('run returned 41, expected 42');

  const verdict = page.getByTestId('learn-verdict');
  await page.reload();
  await expect(verdict).toContainText('✗ Not yet');
  await expect(verdict).toContainText('run returned 41, expected 42');
  await expect(verdict.getByTestId('verdict-note')).toContainText('From your last Check');
  await expect(verdict.getByTestId('verdict-note')).toContainText('before the page was loaded; your code is unchanged since.');
  await page.screenshot({ path: test.info().outputPath('verdict-from-before.png') });

  // Passed, then reloaded: the pass shows, from before.
  await editBeforeEnd(page, 'guest-editor', 3, ')))'.length, 2, '42');
  await expect(verdict).toHaveCount(0);
  expect(await check(page)).toContain('Passed');
  await expect(verdict.getByTestId('verdict-note')).toHaveCount(0);
  await page.reload();
  await expect(verdict).toContainText('✓ Passed');
  await expect(verdict.getByTestId('verdict-note')).toContainText('From your last Check');

  // One edit and the verdict no longer speaks of this code: it goes, and stays gone after a reload.
  await editBeforeEnd(page, 'guest-editor', 3, ')))'.length, 0, ' ');
  await expect(verdict).toHaveCount(0);
  await page.waitForTimeout(800); // the edit's save (after a 400 ms pause in typing)
  await page.reload();
  await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await expect(verdict).toHaveCount(0);
});
