import { expect, test } from '@playwright/test';
import { check, editBeforeEnd, teacherLesson } from './learnHelpers';

// A class works on the teacher's lesson (the course's last), leaves the course to try an
// example, and is told to come back. The header's entry opened the first lesson not done
// (lesson 1), so every student had to find the teacher's lesson in the picker again. It now
// goes back to the lesson left unfinished; once that lesson is done, to the first one not done.
test.use({ viewport: { width: 1024, height: 768 } });

test('the course entry takes me back to the lesson I left, until it is done', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/?learn');
  await page.getByTestId('lesson-file').setInputFiles({ name: 'answer.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...teacherLesson, check: { expect: [{ kind: 'result', equals: 42 }] } })) });
  await expect(page.getByTestId('lesson-title')).toContainText(teacherLesson.title);

  await page.getByTestId('learn-leave').click();
  await expect(page.getByTestId('lesson-panel')).toBeHidden();
  await page.getByTestId('learn-entry').click();
  await expect(page.getByTestId('lesson-title')).toContainText(teacherLesson.title);
  await expect(page).toHaveURL(/\?learn=teacher-answer/);

  // Done, the lesson is not where the entry leads any more: the first lesson not done is.
  await editBeforeEnd(page, 'guest-editor', 3, ')))'.length, 2, '42');
  expect(await check(page)).toContain('Passed');
  await page.getByTestId('learn-leave').click();
  await page.getByTestId('learn-entry').click();
  await expect(page.getByTestId('lesson-title')).toContainText('A component and its world');
});
