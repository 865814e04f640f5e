import { expect, test, type Page } from '@playwright/test';
import { consoleText } from './appHelpers';
import { addLineAfter, check, gotoLesson, retypeLine } from './learnHelpers';
import { markedLines } from './monacoHelpers';

/**
 * Check tells a beginner as much as Run does: a JavaScript exception is named with its line
 * (not as the wasm trap it ends in) and marked in the editor, build errors are marked where
 * they are, a stop at the time limit is called a stop, and a misnamed import or export says
 * the name that was meant. Typed into the real editors at a laptop's 1366×768, where one
 * editor is large beside the lesson (the other behind the WIT / Guest switch).
 */
test.use({ viewport: { width: 1366, height: 768 } });

const guest = (page: Page) => page.getByTestId('guest-editor');
const wit = (page: Page) => page.getByTestId('wit-editor');

/** Brings an editor forward with the stage-focus switch. */
async function show(page: Page, editor: 'wit' | 'guest'): Promise<void> {
  await page.getByTestId(`stage-focus-${editor}`).click();
  await expect(page.getByTestId(`${editor}-editor`)).toBeVisible();
}

test('a JavaScript lesson: an exception, a build error in the WIT and an endless loop, each told as Run tells it', async ({ page }) => {
  test.setTimeout(600_000);
  await gotoLesson(page, 'component-and-world');

  // A typo in a method name throws: the verdict names the exception and its line, like Run.
  await retypeLine(page, 'guest-editor', 6, "console.lg('hello from a component'); return 'hello, wasi';");
  let verdict = await check(page);
  expect(verdict).toContain('hello threw an uncaught exception: console.lg is not a function (at line 6:11)');
  expect(verdict).toContain('run did not return (it threw an exception)');
  expect(verdict).not.toMatch(/wasm|unreachable|trapped/);
  await expect.poll(() => markedLines(guest(page)), { timeout: 15_000 }).toEqual([6]);
  // What the component printed leaves out the engine's abort notice, as Run's console does.
  await page.getByTestId('learn-verdict').locator('summary').click();
  await expect(page.getByTestId('learn-verdict').locator('pre')).toContainText('console.lg is not a function');
  await expect(page.getByTestId('learn-verdict').locator('pre')).not.toContainText('mozalloc_abort');
  await page.screenshot({ path: test.info().outputPath('check-exception.png') });
  // Run says the same words.
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 120_000 }).toContain('uncaught exception: console.lg is not a function (at line 6:11)');

  // A misspelt WIT type: the WIT gets the marker, not only the verdict's text, and comes
  // forward from behind the guest by itself.
  await retypeLine(page, 'guest-editor', 6, "console.log('hello from a component'); return 'hello, wasi';");
  await show(page, 'wit');
  await retypeLine(page, 'wit-editor', 7, 'export run: func() -> strng;');
  await show(page, 'guest');
  verdict = await check(page);
  expect(verdict).toContain('does not build: WIT line 7');
  await expect(page.getByTestId('stage-focus-wit')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => markedLines(wit(page)), { timeout: 15_000 }).toContain(7);
  await retypeLine(page, 'wit-editor', 7, 'export run: func() -> string;');
  await show(page, 'guest');
  await expect.poll(() => markedLines(guest(page))).toEqual([]);

  // An endless loop is stopped, not trapped; Check's namespace is thrown away, so nothing about writes that stay.
  await retypeLine(page, 'guest-editor', 6, "while (true) {} return 'hello, wasi';");
  verdict = await check(page);
  expect(verdict).toMatch(/hello was stopped at the time limit \(5 s\)/);
  expect(verdict).toContain('run did not return (it was stopped at the time limit)');
  expect(verdict).not.toMatch(/trapped|rolled back|stay stored/);
  await page.screenshot({ path: test.info().outputPath('check-loop.png') });
});

test('a JavaScript key-value lesson: a misspelt import names its interface and the function meant', async ({ page }) => {
  test.setTimeout(600_000);
  await gotoLesson(page, 'keyvalue-get-set');
  await retypeLine(page, 'guest-editor', 1, "import { opn } from 'wasi:keyvalue/store@0.2.0-draft2';");
  const verdict = await check(page);
  expect(verdict).toContain('wasi:keyvalue/store@0.2.0-draft2 has no function opn: did you mean open?');
  expect(verdict).not.toContain('<internal>');
  await expect.poll(() => markedLines(guest(page)), { timeout: 15_000 }).toEqual([1]);
  // Run's build error says the same.
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 120_000 }).toContain('has no function `opn`: did you mean `open`?');

  // A misspelt interface: the engine said only "Error loading module … No such file or directory", at line 1:1.
  await retypeLine(page, 'guest-editor', 1, "import { open } from 'wasi:keyvalue/stor@0.2.0-draft2';");
  expect(await check(page)).toContain("wasi:keyvalue/stor@0.2.0-draft2 is no interface of the world's WIT, so the engine could not load it: did you mean wasi:keyvalue/store@0.2.0-draft2?");
  await expect.poll(() => markedLines(guest(page)), { timeout: 15_000 }).toEqual([1]);

  // A syntax error's excerpt wraps inside the narrow lesson column instead of running off its edge.
  await retypeLine(page, 'guest-editor', 1, "import { open } from 'wasi:keyvalue/store@0.2.0-draft2';");
  await retypeLine(page, 'guest-editor', 11, "const visits = Number(decoder.decode(bucket.get('visits') ?? new Uint8Array())) + 1 +;");
  await check(page);
  const excerpt = page.getByTestId('verdict-excerpt').first();
  await expect(excerpt).toBeVisible();
  const fits = await excerpt.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
  expect(fits, 'the excerpt wraps inside its box').toBe(true);
  await expect.poll(() => markedLines(guest(page)), { timeout: 15_000 }).toContain(11);
  await page.screenshot({ path: test.info().outputPath('check-excerpt.png') });
});

test('a WAT lesson: a build error and a misnamed export are marked where they are written', async ({ page }) => {
  test.setTimeout(300_000);
  await gotoLesson(page, 'wit-types-canonical-abi');
  // A misspelt instruction: the guest gets a marker on its line.
  await retypeLine(page, 'guest-editor', 13, '(i32.stor (i32.const 4) (i32.const 10))  ;; length');
  let verdict = await check(page);
  expect(verdict).toContain('does not build: line 13');
  await expect.poll(() => markedLines(guest(page)), { timeout: 15_000 }).toContain(13);
  await retypeLine(page, 'guest-editor', 13, '(i32.store (i32.const 4) (i32.const 10))  ;; length');

  // `"Run"` for `"run"`: the export line is marked with the name the world wants, and the
  // WIT function with the export it has.
  await retypeLine(page, 'guest-editor', 10, '(func (export "Run") (result i32)');
  verdict = await check(page);
  expect(verdict).toContain('line 10: found (export "Run"): did you mean "run"?');
  // One mistake, one problem: the WIT's marker says it again in its own editor, not in the verdict.
  expect(verdict.match(/does not build/g)).toHaveLength(1);
  await expect.poll(() => markedLines(guest(page)), { timeout: 15_000 }).toEqual([10]);
  await show(page, 'wit');
  await expect.poll(() => markedLines(wit(page))).toEqual([7]);
  await page.screenshot({ path: test.info().outputPath('check-export-name.png') });
});

// The pub/sub lesson's order service (the learner's code) prints nothing; its two listeners
// are the lesson's own. The verdict said "What your component printed (2 lines)" and
// listed the listeners' lines as the learner's.
test('a lesson with helper components: what my component printed is only what my code printed', async ({ page }) => {
  test.setTimeout(300_000);
  await gotoLesson(page, 'pubsub-wildcards');
  await check(page);
  const verdict = page.getByTestId('learn-verdict');
  await expect(verdict.getByTestId('verdict-output'), 'no "What your component printed" for a guest that printed nothing').toHaveCount(0);
  await expect(verdict).not.toContainText('What your component printed');
  const helpers = verdict.getByTestId('verdict-helper-output');
  await expect(helpers.locator('summary')).toHaveText("What the lesson's other components printed (2 lines)");
  await helpers.locator('summary').click();
  await expect(helpers.locator('pre')).toHaveText('all-orders › orders.created: order on orders.created\nall-orders › orders.eu: order on orders.eu');

  // The learner's own line shows under their component, counted alone.
  await page.getByTestId('guest-tab').filter({ hasText: 'order-service' }).click();
  await expect(guest(page)).toContainText("Client.connect('orders-app')");
  await addLineAfter(page, 'guest-editor', 11, "console.log('sent ' + topic);");
  await check(page);
  const mine = verdict.getByTestId('verdict-output');
  await expect(mine.locator('summary')).toHaveText('What your component printed (2 lines)');
  await mine.locator('summary').click();
  await expect(mine.locator('pre')).toHaveText('order-service › sent orders.created\norder-service › sent orders.eu');
  await expect(helpers.locator('summary')).toHaveText("What the lesson's other components printed (2 lines)");
  await page.screenshot({ path: test.info().outputPath('check-helper-output.png') });
});
