import { expect, test, type Page } from '@playwright/test';
import { teacherLesson } from './learnHelpers';

/** The longest lesson of the course: its text and task are taller than a laptop's lesson column. */
const LONG = 'race-across-two-tabs';

/**
 * A teacher's lesson longer than any shipped one: on a phone the lesson column is the page's
 * whole width and every shipped task shows on the first screen, this one's does not.
 */
const longTeacherLesson = {
  ...teacherLesson,
  id: 'teacher-long',
  title: 'A long lesson (a teacher wrote this)',
  text: [
    teacherLesson.text,
    'A core module only knows numbers: `i32`, `i64`, `f32` and `f64`. Everything else a WIT world can say is lowered to these by the canonical ABI, and lifted back on the other side.',
    '```\n(module\n  (func (export "run") (result i32)\n    (i32.const 41)))\n```',
    'The host reads the number the export returns and hands it to the caller as a `u32`: no memory, no pointers, no return area. The next lessons build on this one, so take the time to try the module in the editor.',
    'A `u64` would be one `i64`, a `bool` an `i32` that is 0 or 1, a `char` an `i32` holding a Unicode scalar value. A `string` is where memory comes in: a pointer and a length, two `i32`s.',
    '- `i32.const 41` pushes the number\n- the function ends and returns what is on the stack\n- the host lifts it to a `u32`',
    'Records are laid out field by field, each at its own alignment; a `list<u8>` is a pointer and a length like a string, without the UTF-8 promise. None of that is needed here, but it is what the next lesson asks of you.',
    'Press **Run** to see what it returns now, then **Check** once you have changed it.',
  ].join('\n\n'),
};

/**
 * Whether the learner sees the task: the points at its "Your task" heading and at its
 * first line are the task's own, on screen (not the page's edge, the phone's sticky
 * header or the lesson's sticky Check bar over it).
 */
function taskInSight(page: Page): Promise<boolean> {
  return page.getByTestId('lesson-task').evaluate((task) => {
    const at = (el: Element) => {
      const r = el.getBoundingClientRect();
      const [x, y] = [r.left + Math.min(r.width / 2, 40), r.top + Math.min(r.height / 2, 10)];
      if (y < 0 || y >= innerHeight) return false;
      const hit = document.elementFromPoint(x, y);
      return !!hit && task.contains(hit);
    };
    return at(task.querySelector('strong')!) && at(task.querySelector('p')!);
  });
}

const SCREENS = [
  { name: '1024×768 laptop', viewport: { width: 1024, height: 768 }, teacher: false },
  { name: '1280×720 screen', viewport: { width: 1280, height: 720 }, teacher: false },
  { name: '390×844 phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, teacher: true },
] as const;

for (const { name, viewport, teacher, ...device } of SCREENS) {
  test(`${name}: a long lesson's task is one key away from its top`, async ({ browser }) => {
    const context = await browser.newContext({ viewport, ...device });
    const page = await context.newPage();
    await page.goto(`/?learn=${LONG}`);
    await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
    if (teacher) {
      // Every shipped task, even the longest lesson's, shows on a phone's first screen.
      expect(await taskInSight(page), 'the shipped lesson\'s task is in sight on a phone').toBe(true);
      await expect(page.getByTestId('lesson-jump-to-task')).toHaveCount(0);
      await page.getByTestId('lesson-file').setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(longTeacherLesson)) });
      await expect(page.getByTestId('lesson-title')).toContainText(longTeacherLesson.title);
      await page.evaluate(() => scrollTo(0, 0));
      // Check stays at the foot of the screen while the rest of the lesson is below it (it sat
      // at the lesson's end: the panel clipped with overflow hidden, a scroll container of its own).
      await expect(page.getByTestId('learn-check')).toBeInViewport();
    }
    // The learner sees the lesson's start, not what to do: that is below the fold.
    expect(await taskInSight(page), 'the task is out of sight at first').toBe(false);
    const jump = page.getByTestId('lesson-jump-to-task');
    await expect(jump).toBeVisible();
    await expect(jump).toBeInViewport();
    await page.screenshot({ path: test.info().outputPath(`long-lesson-${viewport.width}.png`) });

    // From the lesson picker the keyboard reaches it in a few Tabs (past ‹ and ›).
    await page.getByTestId('lesson-picker').focus();
    for (let i = 0; i < 4 && !(await jump.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(jump).toBeFocused();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.keyboard.press('Enter');
    // The task is in sight and has the focus: Tab goes on from there, a screen reader reads it.
    await expect(page.getByTestId('lesson-task')).toBeFocused();
    await expect.poll(() => taskInSight(page), { message: 'the task is in sight after the jump' }).toBe(true);
    await expect(jump).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath(`long-lesson-${viewport.width}-task.png`) });

    // Back at the top (where the learner reads from), the way to the task is offered again.
    await page.evaluate(() => {
      document.querySelector('.lesson-body')!.scrollTop = 0;
      scrollTo(0, 0);
    });
    await expect(jump).toBeVisible();
    await context.close();
  });
}

test('1024×768: a short lesson whose task is on screen offers no jump', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/?learn=component-and-world');
  await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  expect(await taskInSight(page)).toBe(true);
  await expect(page.getByTestId('lesson-jump-to-task')).toHaveCount(0);
});

// Presenting with the browser at 150 %, the lesson column shows a few lines between its
// title and the Check bar. The jump glides there (no reduced motion asked): the button
// went mid-glide, the text moved up under it and the glide ended past the task's heading.
test('presenting at 150 % browser zoom: the jump glides to the task and lands on its heading', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5 });
  const page = await context.newPage();
  await page.goto(`/?present&learn=${LONG}`);
  await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  expect(await taskInSight(page)).toBe(false);
  await page.getByTestId('lesson-jump-to-task').click();
  await expect(page.getByTestId('lesson-task')).toBeFocused();
  await expect(page.getByTestId('lesson-jump-to-task')).toHaveCount(0);
  await page.waitForTimeout(1200);
  expect(await taskInSight(page), 'the task, heading first, is in sight when the glide ends').toBe(true);
  await page.screenshot({ path: test.info().outputPath('long-lesson-presented-150.png') });
  await context.close();
});
