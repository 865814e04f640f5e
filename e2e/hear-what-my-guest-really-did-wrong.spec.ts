import { expect, test, type Page } from '@playwright/test';
import { consoleText, openApp } from './appHelpers';
import { check, editBeforeEnd, gotoLesson, retypeLine } from './learnHelpers';
import { markedLines, replaceSource } from './monacoHelpers';

/**
 * A guest that goes wrong is told what it did, in Run's console and in Check's verdict alike,
 * not the engine's words for where it ended: a JavaScript guest throwing a string is told the
 * string (QA found it called "out of memory"), a WAT lesson's string pointer past memory is
 * said in the canonical ABI's terms (not "RangeError: Invalid typed array length"), endless
 * recursion is a stack overflow, a JavaScript result that does not fit its WIT type names the
 * type, and a mistake marked in both editors is one problem in the verdict.
 */
test.use({ viewport: { width: 1366, height: 768 } });

const guest = (page: Page) => page.getByTestId('guest-editor');
const status = (page: Page) => page.getByTestId('status');
const THREW_BOOM = 'uncaught exception: "boom" (a string, not an Error, so no line is known: throw new Error(…) to get one)';

/** Presses Run and waits until the console shows `text`. */
async function runUntil(page: Page, text: string): Promise<string> {
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 240_000 }).toContain(text);
  return consoleText(page);
}

test('a JavaScript guest that throws a string or returns the wrong type is told so in Run, not that it ran out of memory', async ({ page }) => {
  test.setTimeout(600_000);
  await openApp(page, '?example=js-kv-counter');
  await expect(guest(page).locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });

  await replaceSource(page, guest(page), ['export function run() {', "  throw 'boom';", '}']);
  let text = await runUntil(page, THREW_BOOM);
  expect(text).not.toMatch(/out of memory|mozalloc_abort/);
  await expect(status(page)).toHaveText(/js-counter trapped$/);

  await replaceSource(page, guest(page), ['export function run() {', '  throw { code: 42 };', '}']);
  text = await runUntil(page, 'uncaught exception: {code:42} (an object, not an Error, so no line is known');
  expect(text).not.toMatch(/out of memory/);

  // The WIT says `run: func() -> s64`: a string is no BigInt.
  await replaceSource(page, guest(page), ['export function run() {', "  return 'seven';", '}']);
  text = await runUntil(page, '`run` returned a value its WIT result type `s64` cannot take: it returned a string (or object) that does not spell a whole number (the engine: invalid BigInt syntax). `s64` is a BigInt in JavaScript (e.g. `return 7n`)');
  expect(text).not.toContain('uncaught exception: invalid BigInt syntax');
  await page.screenshot({ path: test.info().outputPath('run-wrong-type.png') });
});

test("Check says a thrown string as Run does: the hello lesson's guest throwing 'boom'", async ({ page }) => {
  test.setTimeout(600_000);
  await gotoLesson(page, 'component-and-world');
  await retypeLine(page, 'guest-editor', 6, "throw 'boom';");
  const verdict = await check(page);
  expect(verdict).toContain(`hello threw an ${THREW_BOOM}`);
  expect(verdict).toContain('run did not return (it threw an exception)');
  expect(verdict).not.toMatch(/out of memory|trapped/);
  await page.screenshot({ path: test.info().outputPath('check-threw-string.png') });
});

test('the canonical ABI lesson: a pointer past memory, endless recursion and a misnamed export, each said once in its own words', async ({ page }) => {
  test.setTimeout(600_000);
  await gotoLesson(page, 'wit-types-canonical-abi');
  const outside = 'run returned a string whose 4 bytes do not fit in its memory of 65536 bytes (1 page of 64 KiB). By the canonical ABI the return area holds the string\'s pointer (bytes 0–3) and its length (bytes 4–7)';

  // Line 12: `(i32.store (i32.const 0) (i32.const 16)) ;; pointer` — the pointer becomes 70000.
  await editBeforeEnd(page, 'guest-editor', 12, ')) ;; pointer'.length, 2, '70000');
  let verdict = await check(page);
  expect(verdict).toContain(`abi failed: ${outside}`);
  expect(verdict).toContain('run did not return (its result did not fit its WIT type)');
  expect(verdict).not.toMatch(/RangeError|typed array/);
  await page.screenshot({ path: test.info().outputPath('check-outside-memory.png') });
  // Run says the same words (the console keeps the backticks the verdict draws as code).
  const text = await runUntil(page, '`run` returned a string whose 4 bytes do not fit in its memory of 65536 bytes');
  expect(text).not.toMatch(/RangeError/);

  // Line 14: `(i32.const 0)))` — `run` calls itself instead of returning.
  await retypeLine(page, 'guest-editor', 14, '(call 0)))');
  verdict = await check(page);
  expect(verdict).toContain('abi stopped: stack overflow: the guest called itself (or nested calls) too deeply: endless recursion?');
  expect(verdict).not.toContain('Maximum call stack size exceeded');

  // Line 10: the export named "Run": one problem, marked in both editors.
  await retypeLine(page, 'guest-editor', 14, '(i32.const 0)))');
  await retypeLine(page, 'guest-editor', 10, '(func (export "Run") (result i32)');
  verdict = await check(page);
  expect(verdict).toContain('found (export "Run"): did you mean "run"?');
  expect(verdict.match(/does not build/g)).toHaveLength(1);
  await page.screenshot({ path: test.info().outputPath('check-misnamed-export.png') });
});

// QA: a WAT guest returning a string without exporting its memory got only wasm-tools'
// "module does not export a memory named `memory`", at line 1.
test('the canonical ABI lesson with its memory not exported is told why and what to write, in Check and Run', async ({ page }) => {
  test.setTimeout(600_000);
  await gotoLesson(page, 'wit-types-canonical-abi');
  // Line 3: `(memory (export "memory") 1)`.
  await retypeLine(page, 'guest-editor', 3, '(memory 1)');
  const verdict = await check(page);
  expect(verdict).toContain('abi does not build: line 3: this memory is not exported, but run returns a string: by the canonical ABI a string crosses as a pointer and a length into the guest\'s linear memory');
  expect(verdict).toContain('Export it: (memory (export "memory") 1).');
  expect(verdict.match(/does not build/g)).toHaveLength(1);
  expect(verdict).not.toContain('module does not export a memory');
  await page.screenshot({ path: test.info().outputPath('check-memory-not-exported.png') });

  const text = await runUntil(page, 'guest:3:3: this memory is not exported, but `run` returns a `string`');
  expect(text.match(/this memory is not exported/g)).toHaveLength(1);
  expect(text).not.toContain('module does not export a memory');
  await expect.poll(() => markedLines(guest(page))).toContain(3);
});
