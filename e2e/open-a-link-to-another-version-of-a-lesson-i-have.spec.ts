import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { teacherLesson } from './learnHelpers';

// The learner has the teacher's lesson (from the teacher's link). Someone else sends a link to
// a lesson with the same id — a prank, or an old copy of it. It used to replace the stored
// lesson without a word: the teacher's lesson was gone from this browser, and the learner's
// progress in it sat under another lesson. The stored lesson stays until the learner picks.
const link = (lesson: object) => `/?learn=teacher-answer#l1.${deflateRawSync(Buffer.from(JSON.stringify(lesson))).toString('base64url')}`;
const other = { ...teacherLesson, title: 'The answer (as someone else has it)', task: 'Make `run` return `7`.' };

async function open(page: Page, url: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
}

test("a link to another version of a stored lesson shows the stored one and asks; Keep mine keeps it, Use the link's version replaces it", async ({ page }) => {
  const title = page.getByTestId('lesson-title');
  const notice = page.getByTestId('lesson-link-version');
  await open(page, link(teacherLesson));
  await expect(title).toContainText('The answer (a teacher wrote this)');
  await expect(notice).toHaveCount(0);

  await open(page, link(other));
  await expect(notice).toContainText('The link carries another version of “The answer (as someone else has it)” than the one stored here, which is shown');
  await expect(title).toContainText('The answer (a teacher wrote this)');
  await page.getByTestId('lesson-keep-stored-version').click();
  await expect(notice).toHaveCount(0);
  await open(page, '/?learn=teacher-answer');
  await expect(title).toContainText('The answer (a teacher wrote this)');

  // The same link again: the learner now takes it.
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
