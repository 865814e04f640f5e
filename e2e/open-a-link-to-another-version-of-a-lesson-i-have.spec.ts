import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { check, editBeforeEnd, teacherLesson } from './learnHelpers';

const link = (lesson: object) => `/?learn=teacher-answer#l1.${deflateRawSync(Buffer.from(JSON.stringify(lesson))).toString('base64url')}`;

async function open(page: Page, url: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
  await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
}

// The teacher's first link had a wrong check (24 where the task says 42). A student typed 42,
// Check said no; the teacher fixed the check and sent a new link. The student's browser kept
// the first version and asked, and "Keep mine" (what a student whose code is in it picks) went
// on judging with the broken check. A newer link to a lesson that came from a link now
// replaces it: its checks apply, the student's code stays, and they are told.
test("the teacher's fixed link updates the lesson a student has: the new check applies, the code is kept", async ({ page }) => {
  test.setTimeout(180_000);
  const broken = { ...teacherLesson, check: { expect: [{ kind: 'result', equals: 24 }] } };
  const fixed = { ...teacherLesson, check: { expect: [{ kind: 'result', equals: 42 }] } };
  const notice = page.getByTestId('lesson-link-updated');
  await open(page, link(broken));
  await expect(notice).toHaveCount(0);
  // A student from a link is not offered the author's "Check the solution".
  await expect(page.getByTestId('lesson-check-solution')).toHaveCount(0);
  await editBeforeEnd(page, 'guest-editor', 3, ')))'.length, 2, '42');
  expect(await check(page)).toContain('run returned 42, expected 24');

  await open(page, link(fixed));
  await expect(page.getByTestId('lesson-link-version'), 'no question: the class follows the teacher').toHaveCount(0);
  await expect(notice).toContainText('“The answer (a teacher wrote this)” was updated: this link carries a newer version than the one you had. Check uses its checks now; your code is kept.');
  await page.screenshot({ path: test.info().outputPath('lesson-updated.png') });
  await expect(page.getByTestId('learn-verdict'), 'the verdict of the broken check is not shown again').toHaveCount(0);
  expect(await check(page), "the student's 42, judged by the fixed check").toContain('Passed');

  // The first link, opened again from the top of the chat, does not bring the broken check back.
  await open(page, link(broken));
  await expect(notice).toContainText('This link carries an earlier version of “The answer (a teacher wrote this)” than the one you have (you opened a newer link since): the newer one stays, with its checks.');
  expect(await check(page)).toContain('Passed');
});

// The teacher's own lesson, opened from their file. Someone else sends a link to a lesson with
// the same id — a prank, or an old copy of it. It used to replace the stored lesson without a
// word: the teacher's lesson was gone from this browser. The file's lesson stays until its
// author picks.
test("a link to another version of a lesson I opened from a file shows mine and asks; Keep mine keeps it, Use the link's version replaces it", async ({ page }) => {
  const title = page.getByTestId('lesson-title');
  const notice = page.getByTestId('lesson-link-version');
  const other = { ...teacherLesson, title: 'The answer (as someone else has it)', task: 'Make `run` return `7`.' };
  await page.goto('/?learn');
  await page.getByTestId('lesson-file').setInputFiles({ name: 'answer.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(teacherLesson)) });
  await expect(title).toContainText('The answer (a teacher wrote this)');

  await open(page, link(other));
  await expect(notice).toContainText('The link carries another version of “The answer (as someone else has it)” than the one stored here, which is shown');
  await expect(title).toContainText('The answer (a teacher wrote this)');
  await page.getByTestId('lesson-keep-stored-version').click();
  await expect(notice).toHaveCount(0);
  await open(page, '/?learn=teacher-answer');
  await expect(title).toContainText('The answer (a teacher wrote this)');

  // The same link again: the author now takes it.
  await open(page, link(other));
  await page.getByTestId('lesson-take-link-version').click();
  await expect(notice).toHaveCount(0);
  await open(page, '/?learn=teacher-answer');
  await expect(title).toContainText('The answer (as someone else has it)');
  // The link of the version stored now opens without asking.
  await open(page, link(other));
  await expect(title).toContainText('The answer (as someone else has it)');
  await expect(notice).toHaveCount(0);
});
