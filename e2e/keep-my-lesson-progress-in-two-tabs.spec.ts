import { expect, test, type Page } from '@playwright/test';
import { addLineAfter, check, editBeforeEnd, teacherLesson } from './learnHelpers';

/**
 * A student has the course open in two tabs of one browser (QA found a teacher's class
 * doing it): passing a lesson in one tab must show in the other at once, and typing in
 * the other tab — which still showed the old state — must not wipe the "done" mark or
 * the passing code, neither live nor after a reload of either tab.
 */
const LESSON = 'wit-types-canonical-abi';
const editor = (page: Page) => page.getByTestId('guest-editor');

async function openCourse(page: Page): Promise<void> {
  await page.goto(`/?learn=${LESSON}`);
  await expect(page.getByTestId('lesson-title')).toContainText('canonical ABI');
  await expect(editor(page).locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await expect(editor(page)).toContainText('(i32.const 16)) ;; pointer');
}

/** What both tabs must show once the lesson passed and tab B added its note. */
async function expectPassedWithNote(page: Page): Promise<void> {
  await expect(page.getByTestId('lesson-title')).toContainText('✓ done');
  await expect(page.locator('.lesson-count')).toHaveText(/^1\//);
  await expect(editor(page)).toContainText('(i32.const 21)) ;; pointer');
  await expect(editor(page)).toContainText('my note from tab B');
}

test('a lesson passed in one tab stays passed, with its code, while a second tab is edited', async ({ page: a, context }) => {
  test.setTimeout(300_000);
  await openCourse(a);
  const b = await context.newPage();
  await openCourse(b);
  await expect(b.locator('.lesson-count')).toHaveText(/^0\//);

  // Tab A solves the lesson: pointer 16 → 21, length 4 → 10.
  await a.bringToFront();
  await editBeforeEnd(a, 'guest-editor', 12, '))  ;; pointer'.length - 1, 2, '21');
  await editBeforeEnd(a, 'guest-editor', 13, '))  ;; length'.length, 1, '10');
  expect(await check(a)).toContain('Passed');
  await expect(a.locator('.lesson-count')).toHaveText(/^1\//);

  // Tab B hears of it without a reload: counter, done mark and the passing code.
  await expect(b.locator('.lesson-count')).toHaveText(/^1\//);
  await expect(b.getByTestId('lesson-title')).toContainText('✓ done');
  await expect(editor(b)).toContainText('(i32.const 21)) ;; pointer');
  await expect(b.getByTestId('lesson-changed-elsewhere')).toContainText('another tab');
  await b.screenshot({ path: 'test-results/two-tabs-b-heard-of-the-pass.png' });

  // Tab B adds a note; tab A shows it live (one lesson, one code) and is still done.
  await b.bringToFront();
  await addLineAfter(b, 'guest-editor', 1, ';; my note from tab B');
  await expectPassedWithNote(b);
  await expectPassedWithNote(a);

  // Reloading either tab shows the same: nothing the student achieved is lost.
  await a.reload();
  await expectPassedWithNote(a);
  await b.reload();
  await expectPassedWithNote(b);

  // Even a reset in one tab keeps the passing code at hand in both.
  b.once('dialog', (d) => void d.accept());
  await b.getByTestId('learn-reset').click();
  await expect(editor(b)).toContainText('(i32.const 16)) ;; pointer');
  await expect(editor(a)).toContainText('(i32.const 16)) ;; pointer');
  await expect(a.getByTestId('lesson-title')).toContainText('✓ done');
  await a.screenshot({ path: 'test-results/two-tabs-a-after-reset-in-b.png' });
  await a.getByTestId('learn-passed-code').click();
  await expect(editor(a)).toContainText('(i32.const 21)) ;; pointer');
  await expect(editor(b)).toContainText('(i32.const 21)) ;; pointer');
  await b.reload();
  await expect(b.getByTestId('lesson-title')).toContainText('✓ done');
  await expect(editor(b)).toContainText('(i32.const 21)) ;; pointer');
  await expect(b.getByTestId('learn-passed-code')).toBeHidden();
});

test("a teacher's lesson loaded in one tab joins the course in the other, and leaves it there too", async ({ page: a, context }) => {
  test.setTimeout(180_000);
  await a.goto('/?learn');
  await expect(a.getByTestId('lesson-panel')).toBeVisible();
  const b = await context.newPage();
  await b.goto(`/?learn=${LESSON}`);
  await expect(b.getByTestId('lesson-title')).toContainText('canonical ABI');
  const count = Number((await b.locator('.lesson-count').innerText()).split('/')[1]);

  // Tab A loads the teacher's file; tab B's picker and counter have it without a reload.
  await a.bringToFront();
  await a.getByTestId('lesson-file').setInputFiles({ name: 'answer.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(teacherLesson)) });
  await expect(a.getByTestId('lesson-title')).toContainText('The answer (a teacher wrote this)');
  await expect(b.locator('.lesson-count')).toHaveText(new RegExp(`/${count + 1}$`));
  await expect(b.getByTestId('lesson-picker').locator('option', { hasText: 'The answer' })).toHaveCount(1);

  // Tab B opens it from its picker; tab A takes it out; tab B says so instead of "does not exist".
  await b.bringToFront();
  await b.getByTestId('lesson-picker').selectOption('teacher-answer');
  await expect(b.getByTestId('lesson-title')).toContainText('The answer');
  await a.bringToFront();
  a.once('dialog', (d) => void d.accept());
  await a.getByTestId('lesson-remove').click();
  await expect(a.locator('.lesson-count')).toHaveText(new RegExp(`/${count}$`));
  await expect(b.locator('.lesson-count')).toHaveText(new RegExp(`/${count}$`));
  await expect(b.getByTestId('lesson-error')).toContainText('taken out of the course in another tab');
  await expect(b.getByTestId('lesson-picker').locator('option', { hasText: 'The answer' })).toHaveCount(0);
  await b.screenshot({ path: 'test-results/two-tabs-lesson-removed-elsewhere.png' });
});
