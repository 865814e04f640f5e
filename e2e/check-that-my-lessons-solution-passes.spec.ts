import { expect, test } from '@playwright/test';
import { check, editBeforeEnd, teacherLesson } from './learnHelpers';

// A teacher writes a lesson file on a school laptop (1024×768). Its solution returns 24 where
// the check expects 42: no student could ever pass it, and nothing said so until the class
// tried. Opening the file now invites the teacher to check the solution, which builds and
// runs it as Check runs a student's code and judges it with the same words.
test.use({ viewport: { width: 1024, height: 768 } });

const file = (lesson: unknown) => ({ name: 'answer.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(lesson, null, 2)) });
const withSolution = (value: number) => ({ answer: `(module\n  (func (export "run") (result i32)\n    (i32.const ${value})))\n` });
const noScript = { ...teacherLesson, check: { expect: [{ kind: 'result', equals: 42 }] } };

test("a lesson file's solution that fails its own check is found before the class finds it", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/?learn');
  await expect(page.getByTestId('lesson-panel')).toBeVisible();

  await page.getByTestId('lesson-file').setInputFiles(file({ ...noScript, solution: withSolution(24) }));
  const invite = page.getByTestId('lesson-check-solution-invite');
  await expect(invite).toContainText('Opened “answer.json”. Before you share it, check that its solution passes');
  await invite.getByTestId('lesson-check-solution').click();
  const solution = page.getByTestId('lesson-solution-verdict');
  await expect(solution).toContainText('✗ The solution fails its own check: no one can pass this lesson as it is.', { timeout: 120_000 });
  await expect(solution).toContainText('run returned 24, expected 42');
  await expect(invite).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('solution-fails.png') });
  // The teacher's own progress is untouched: no verdict of theirs, the lesson not tried.
  await expect(page.getByTestId('learn-verdict')).toHaveCount(0);
  await expect(page.getByTestId('learn-solution')).toBeDisabled();

  // The same judge as a student's Check: their code returning 24 gets the same sentence.
  await editBeforeEnd(page, 'guest-editor', 3, ')))'.length, 2, '24');
  expect(await check(page)).toContain('run returned 24, expected 42');

  // The fixed file opened again: the old verdict goes, and the new solution passes.
  await page.getByTestId('lesson-file').setInputFiles(file(noScript));
  await expect(solution).toHaveCount(0);
  await invite.getByTestId('lesson-check-solution').click();
  await expect(solution).toContainText('✓ The solution passes its own check: the class can pass this lesson.', { timeout: 120_000 });
});

test("a lesson's check script asks before it judges the solution, and then runs", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/?learn');
  // 42 passes the declarative check; the script wants an odd number, which the solution is not.
  const oddScript = { ...teacherLesson, check: { ...teacherLesson.check, script: "const g = run.guests[0]; if (Number(g.result) % 2 === 0) return 'the answer must be odd, got ' + g.result;" } };
  await page.getByTestId('lesson-file').setInputFiles(file(oddScript));
  // Also in the footer, for a lesson opened from a link.
  await page.locator('.lesson-footer').getByTestId('lesson-check-solution').click();
  await expect(page.getByTestId('check-script-prompt')).toBeVisible();
  await page.getByTestId('check-script-allow').click();
  const solution = page.getByTestId('lesson-solution-verdict');
  await expect(solution).toContainText('✗ The solution fails its own check', { timeout: 120_000 });
  await expect(solution).toContainText('the answer must be odd, got 42');
});
