import { expect, type Page } from '@playwright/test';

/** Moves the caret of a Monaco editor to a line (Ctrl+G), as a person at the keyboard would. */
export async function goToLine(page: Page, testId: string, line: number): Promise<void> {
  await page.getByTestId(testId).locator('.monaco-editor textarea').focus();
  await page.keyboard.press('Control+g');
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
}

/**
 * Replaces the text of a line (after its indentation) by typing. One line at a time:
 * Monaco's auto-indent would re-indent typed newlines, and its auto-closed brackets and
 * quotes are typed over when the text is balanced.
 */
export async function retypeLine(page: Page, testId: string, line: number, text: string): Promise<void> {
  await goToLine(page, testId, line);
  await page.keyboard.press('Home');
  // Twice: on a phone long lines wrap, and the first End stops at the end of the line's first row.
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('Shift+End');
  // Typing "(" or a quote over a selection would wrap it (Monaco's auto-surround).
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/** Types a new line below `line`. */
export async function addLineAfter(page: Page, testId: string, line: number, text: string): Promise<void> {
  await goToLine(page, testId, line);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

/** Deletes `count` lines starting at `line` (Ctrl+Shift+K). */
export async function deleteLines(page: Page, testId: string, line: number, count: number): Promise<void> {
  await goToLine(page, testId, line);
  for (let i = 0; i < count; i++) await page.keyboard.press('Control+Shift+k');
}

/** Presses Check and waits for the verdict; returns its text. */
export async function check(page: Page, timeout = 240_000): Promise<string> {
  await page.getByTestId('learn-check').click();
  // Check clears the previous verdict at once and shows the new one when it is done.
  await expect(page.getByTestId('learn-verdict')).toBeVisible({ timeout });
  await expect(page.getByTestId('learn-check')).toHaveText('Check');
  return page.getByTestId('learn-verdict').innerText();
}

/** Opens a lesson by its address (`/?learn=<id>`, as a link from the teacher would) and waits for its editor. */
export async function gotoLesson(page: Page, id: string): Promise<void> {
  await page.goto(`/?learn=${id}`);
  await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
}

/** Opens a lesson from the picker and waits for its editor. */
export async function openLesson(page: Page, id: string, title: string | RegExp): Promise<void> {
  await page.getByTestId('lesson-picker').selectOption(id);
  await expect(page.getByTestId('lesson-title')).toContainText(title);
  await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
}

/**
 * Edits characters near the end of a line without typing brackets: End, `fromEnd` × ←,
 * `remove` × Backspace, then types `text` (for numbers inside WAT s-expressions).
 */
export async function editBeforeEnd(page: Page, testId: string, line: number, fromEnd: number, remove: number, text: string): Promise<void> {
  await goToLine(page, testId, line);
  await page.keyboard.press('End');
  for (let i = 0; i < fromEnd; i++) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < remove; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** A teacher's own lesson, written by hand as a file, then shared as a link. */
export const teacherLesson = {
  format: 'wcp-lesson/1',
  id: 'teacher-answer',
  title: 'The answer (a teacher wrote this)',
  text: 'Core functions return numbers: a `u32` result is one `i32`.',
  docs: [{ title: 'Canonical ABI', url: 'https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md' }],
  task: 'Make `run` return `42` and keep it even.',
  hints: ['Change the constant.'],
  guests: [{ name: 'answer', lang: 'wat', call: 'run', wit: 'package teacher:answer;\n\nworld answer {\n  export run: func() -> u32;\n}\n', source: '(module\n  (func (export "run") (result i32)\n    (i32.const 41)))\n' }],
  solution: { answer: '(module\n  (func (export "run") (result i32)\n    (i32.const 42)))\n' },
  // A declarative check and a function check (which runs sandboxed).
  check: { expect: [{ kind: 'result', equals: 42 }], script: "const g = run.guests[0]; if (Number(g.result) % 2 !== 0) return 'the answer must be even, got ' + g.result;" },
};
