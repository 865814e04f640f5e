import { expect, test, type Page } from '@playwright/test';
import { consoleText, openApp } from './appHelpers';
import { caretAfterLine, markedLines, replaceSource, shipped } from './monacoHelpers';

// A teacher's class writes JavaScript and TypeScript guests in the real Monaco editor on a
// projector; when a guest throws, runs out of memory or reaches for the network, the console
// says so in words and the editor marks the line the mistake is on.
test.use({ viewport: { width: 1280, height: 720 } });

const guestPane = (page: Page) => page.getByTestId('guest-editor');

test('a JavaScript exception shows its message and marks the line its stack names; TypeScript lines are mapped back', async ({ page }) => {
  test.setTimeout(420_000);
  await openApp(page, '?example=js-kv-counter');
  const pane = guestPane(page);
  await expect(pane.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await replaceSource(page, pane, [
    "import { open } from 'wasi:keyvalue/store@0.2.0-draft2';",
    'function check(n) {',
    "  if (n > 2) throw new Error('counter exploded at ' + n);",
    '}',
    'export function run() {',
    "  open('counters');",
    '  check(3);',
    '  return 0n;',
    '}',
  ]);
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 240_000 }).toMatch(/uncaught (?:Error|exception): counter exploded at 3 \(at line 3:\d+\)/);
  expect(await consoleText(page)).not.toMatch(/mozalloc_abort/);
  await expect.poll(() => markedLines(pane)).toEqual([3]);
  await expect(pane.locator('.error-count')).toHaveText('1 error');

  // TypeScript: interfaces vanish from the JS the engine runs, so its stack counts other lines.
  await page.getByTestId('example-picker').selectOption('ts-kv-visit-log');
  await expect(pane.locator('.view-line').first()).toBeVisible();
  await replaceSource(page, pane, [
    "import { open } from 'wasi:keyvalue/store@0.2.0-draft2';",
    'interface Visit {',
    '  n: number;',
    '  at: string;',
    '}',
    'type Log = Visit[];',
    '',
    'function last(log: Log): Visit {',
    '  const v: Visit | undefined = log[log.length - 1];',
    '  // An empty log is a bug in the caller.',
    '  if (!v) throw new RangeError(`empty log of ${log.length}`);',
    '  return v;',
    '}',
    'export function run(): string {',
    "  open('visit-log');",
    '  return String(last([]).n);',
    '}',
  ]);
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 240_000 }).toMatch(/uncaught (?:RangeError|exception): empty log of 0 \(at line 11:\d+\)/);
  await expect.poll(() => markedLines(pane)).toEqual([11]);

  // A redeclaration: `let x` at line 9 and again at line 20 is marked at 20, naming 9.
  const redeclared = ['interface Visit { n: number }', 'type Name = string;', 'interface Other {', '  a: string;', '}', 'const greet = (n: Name): string => `hi ${n}`;', '', 'export function run(): string {', '  let x: number = 1;'];
  for (let i = 10; i < 20; i++) redeclared.push(`  // line ${i}`);
  redeclared.push('  let x: number = 2;', '  return greet(String(x));', '}');
  await replaceSource(page, pane, redeclared);
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 240_000 }).toMatch(/redeclaration of let x/);
  const text = await consoleText(page);
  expect(text).toMatch(/guest:20:7/);
  expect(text).toMatch(/Previously declared at line 9, column 7/);
  // The build's marker is at 20 (one error in the pane); Monaco's own TypeScript checker also
  // underlines both declarations, as VS Code does ("Cannot redeclare block-scoped variable").
  await expect(pane.locator('.error-count')).toHaveText('1 error');
  await expect.poll(async () => (await markedLines(pane)).sort((a, b) => a - b)).toEqual([9, 20]);
  await page.screenshot({ path: test.info().outputPath('ts-redeclaration.png') });
});

test('a JavaScript guest that calls fetch or runs out of memory is told so in words', async ({ page }) => {
  test.setTimeout(420_000);
  await openApp(page, '?example=js-kv-counter');
  const pane = guestPane(page);
  await expect(pane.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await replaceSource(page, pane, ['export function run() {', '  // Guests have no network here.', "  const res = fetch('http://127.0.0.1:9/');", '  console.log(String(res));', '  return 1n;', '}']);
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 240_000 }).toMatch(/fetch is not available to guests/);
  await expect.poll(() => markedLines(pane)).toEqual([3]);

  // A string that doubles every turn: within 31 turns it is more than the engine can allocate.
  await replaceSource(page, pane, ['export function run() {', "  let s = 'x';", '  for (;;) s += s;', '}']);
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 240_000 }).toMatch(/out of memory|time limit|uncaught/);
  await page.screenshot({ path: test.info().outputPath('out-of-memory.png') });
  const text = await consoleText(page);
  expect(text).toMatch(/out of memory: the JavaScript guest asked the engine for more memory than it has .*\(at line 3:\d+\)/);
  expect(text).not.toMatch(/mozalloc_abort|wasm unreachable/);
  await expect.poll(() => markedLines(pane)).toEqual([3]);
});

test('calling a WIT function as a method, or passing text for bytes, says which interface it belongs to and how to call it', async ({ page }) => {
  test.setTimeout(300_000);
  await openApp(page, '?example=js-kv-counter');
  const pane = guestPane(page);
  await expect(pane.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  // The mistake a newcomer makes: `increment` read as a method of the bucket it takes.
  const source = shipped('js/counter.js');
  await caretAfterLine(page, pane, source, "increment(bucket, 'visits', 1n)");
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type("const visits = bucket.increment('visits', 1n);");
  await page.keyboard.press('Escape');
  const line = source.findIndex((l) => l.includes("increment(bucket, 'visits', 1n)")) + 1;
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 240_000 }).toMatch(
    new RegExp(`bucket\\.increment is not a function \\(at line ${line}:\\d+\\)\\. \`increment\` is a function of \`wasi:keyvalue/atomics@0\\.2\\.0-draft2\`, not a method: import \\{ increment \\} from 'wasi:keyvalue/atomics@0\\.2\\.0-draft2' and call increment\\(bucket, …\\)`),
  );
  await expect.poll(() => markedLines(pane)).toEqual([line]);

  /** Back into the editor, where the caret still ends the line typed before: that line retyped, then Run. */
  const retypeLine = async (text: string) => {
    await pane.locator('textarea').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type(text);
    await page.keyboard.press('Escape');
    await page.getByTestId('run').click();
  };
  // Then a value that does not convert: the engine says only "invalid BigInt syntax".
  await retypeLine("const visits = increment(bucket, 'visits', 'one');");
  await expect.poll(() => consoleText(page), { timeout: 240_000 }).toMatch(
    new RegExp(`invalid BigInt syntax \\(at line ${line}:\\d+\\)\\. In the call to \`increment\\(bucket: borrow<bucket>, key: string, delta: s64\\)\` \\(\`wasi:keyvalue/atomics@0\\.2\\.0-draft2\`\\), an argument is not what its WIT type takes: an \`s64\` or \`u64\` takes a BigInt, such as 1n`),
  );

  // Text stored where the WIT takes bytes: the engine's bindings alone stored an empty value
  // without a word; now the call throws, and the explanation names the call and the fix.
  await retypeLine("bucket.set('greeting', 'hello'); const visits = 1n;");
  await expect.poll(() => consoleText(page), { timeout: 240_000 }).toMatch(
    new RegExp(`expected a Uint8Array or an array of numbers for a list<u8>, received a string \\(encode text first: new TextEncoder\\(\\)\\.encode\\(text\\)\\) \\(at line ${line}:\\d+\\)\\. In the call to \`set\\(key: string, value: list<u8>\\)\`, a method of \`Bucket\``),
  );
  await expect.poll(() => markedLines(pane)).toEqual([line]);
  // And how to have such calls underlined before Run.
  expect(await consoleText(page)).toContain('Start the file with // @ts-check and the editor underlines such calls as you type');
  await page.screenshot({ path: test.info().outputPath('text-for-bytes.png') });
});
