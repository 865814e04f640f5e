import { expect, test } from '@playwright/test';
import { check, editBeforeEnd, teacherLesson } from './learnHelpers';

// A teacher writes a lesson file by hand on a school laptop (1024×768) and misspells a field of
// the check. Before, "equal" was ignored without a word: the lesson opened, and its check
// passed the starter's wrong answer for the whole class. Opening the file now lists every
// problem, one a line, naming the field meant; the fixed file opens and judges the starter.
test.use({ viewport: { width: 1024, height: 768 } });

const file = (name: string, lesson: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(lesson, null, 2)) });

test('a misspelt field of my lesson file is named when I open it, and the fixed file judges the starter', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/?learn');
  await expect(page.getByTestId('lesson-panel')).toBeVisible();

  const draft = { ...teacherLesson, check: { expect: [{ kind: 'result', equal: 42 }, { kind: 'stdout', guest: 'answr', absent: true, includes: 'oops' }] } };
  await page.getByTestId('lesson-file').setInputFiles(file('answer.json', draft));
  const error = page.getByTestId('lesson-error');
  await expect(error).toContainText('“answer.json” can\'t be opened. Fix these in the file and open it again:');
  const problems = error.getByRole('listitem');
  await expect(problems).toHaveText([
    'check.expect[0] (result) has a field "equal" that Check does not know (it would be ignored); did you mean "equals"?',
    'check.expect[1] (stdout).guest names a guest "answr" that the lesson does not have',
  ]);
  // Where the teacher looks after choosing the file: the whole list is on screen.
  await expect(problems.last()).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('lesson-picker').locator('option', { hasText: teacherLesson.title })).toHaveCount(0);

  // A first draft with many problems: the list scrolls, and the way to open the fixed file stays on screen.
  const many = { ...teacherLesson, check: { expect: Array.from({ length: 14 }, () => ({ kind: 'result', equal: 42 })) } };
  await page.getByTestId('lesson-file').setInputFiles(file('answer.json', many));
  await expect(problems).toHaveCount(14);
  await expect(page.getByRole('button', { name: 'Open lesson file…' })).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('learn-leave')).toBeInViewport({ ratio: 1 });
  await problems.last().scrollIntoViewIfNeeded();
  await expect(problems.last()).toBeInViewport({ ratio: 1 });

  // Fixed (and without the script, which would ask first): the lesson opens, and its starter (41) fails.
  await page.getByTestId('lesson-file').setInputFiles(file('answer.json', { ...teacherLesson, check: { expect: [{ kind: 'result', equals: 42 }] } }));
  await expect(page.getByTestId('lesson-title')).toContainText(teacherLesson.title);
  await expect(error).toHaveCount(0);
  expect(await check(page)).toContain('run returned 41, expected 42');

  // Passed, the teacher's lesson is the course's last: the lessons still open are listed, by
  // number. A wrapped title once drew its bullet at its second line, which read as an item of
  // its own ("• (WAT)"): the numbered items carry no bullets.
  await editBeforeEnd(page, 'guest-editor', 3, ')))'.length, 2, '42');
  expect(await check(page)).toContain('Passed');
  const still = page.getByTestId('course-end').getByRole('listitem');
  await expect(still.first()).toHaveText('1. A component and its world');
  for (const item of await still.all()) await expect(item).toHaveCSS('list-style-type', 'none');
});
