import { expect, test, type Page } from '@playwright/test';
import { consoleText, openApp, storedText } from './appHelpers';
import { jsComponent, nestedPackage, watComponent } from './fixtures/buildFixtures';
import { commandWat, commandWit } from './fixtures/commandWat';
import { readFileSync } from 'node:fs';

/** The text of each console line (without the guest label the line may carry). */
async function consoleLines(page: Page): Promise<string[]> {
  return page.getByTestId('console-line').evaluateAll((els) => els.map((el) => el.querySelector('.console-text')?.firstChild?.textContent?.trim() ?? ''));
}

/** Opens a .wasm; `timeout` covers generating bindings (a 12 MB componentize-js component takes jco ~15 s in Node). */
async function openWasm(page: Page, name: string, bytes: Buffer, timeout = 40_000): Promise<void> {
  await page.getByTestId('open-component-input').setInputFiles({ name, mimeType: 'application/wasm', buffer: bytes });
  await expect(page.getByTestId('component-info')).toContainText(name, { timeout });
}

test('a WAT command component (wasi:cli 0.2.0 and 0.2.2) gets its command line, environment and stdin, prints, writes and exits', async ({ page }) => {
  const v020 = await watComponent(commandWit('0.2.0'), 'cmd', commandWat('0.2.0'));
  const v022 = await watComponent(commandWit('0.2.2'), 'cmd', commandWat('0.2.2'));
  await openApp(page);

  await openWasm(page, 'greet.wasm', v020);
  await expect(page.getByTestId('component-info')).toContainText('wasi:cli/run@0.2.0 → run()');
  // Without settings: the program name alone, as a shell would pass it.
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toContain('run() → ok · exit code 0');
  let text = await consoleText(page);
  expect(text).toContain('hello from wat 0.2.0');
  expect(text).toContain('arg: greet');
  expect(text).not.toContain('stdin:');
  expect(await storedText(page, 'cmd', 'wat-0.2.0')).toBe('written');

  // The Hosts tab configures the opened component like any guest.
  await page.getByTestId('tab-hosts').click();
  const card = page.getByTestId('hosts-guest');
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute('data-name', 'greet');
  await page.getByTestId('hosts-args').pressSequentially(`greet --name "Ada Lovelace"`);
  await page.getByTestId('hosts-stdin').pressSequentially('piped text');
  await page.getByTestId('run').click();
  await page.getByTestId('tab-console').click();
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toContain('run() → ok · exit code 0');
  text = await consoleText(page);
  const lines = await consoleLines(page);
  const first = lines.indexOf('arg: greet');
  expect(lines.slice(first, first + 3)).toEqual(['arg: greet', 'arg: --name', 'arg: Ada Lovelace']);
  expect(text).toContain('stdin: piped text');

  // `err` from run is a failed exit, not a trap.
  await page.getByTestId('tab-hosts').click();
  await page.getByTestId('hosts-args').fill('greet fail');
  await page.getByTestId('run').click();
  await page.getByTestId('tab-console').click();
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toContain('run() → err · exit code 1');

  // Another patch version of wasi:cli runs the same way.
  await openWasm(page, 'greet22.wasm', v022);
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toContain('run() → ok · exit code 0');
  expect(await consoleText(page)).toContain('hello from wat 0.2.2');
  expect(await storedText(page, 'cmd', 'wat-0.2.2')).toBe('written');
});

test('a JavaScript command built with componentize-js prints each console.log once and writes', async ({ page }) => {
  test.setTimeout(240_000);
  const wit = `package local:cmd;
world cmd {
  import wasi:keyvalue/store@0.2.0-draft2;
  export wasi:cli/run@0.2.3;
}
package wasi:cli@0.2.3 { interface run { run: func() -> result; } }
${nestedPackage('keyvalue-0.2.0-draft2/keyvalue.wit')}`;
  const source = `import { open } from 'wasi:keyvalue/store@0.2.0-draft2';
export const run = {
  run() {
    console.log('hello from js');
    console.log('second line');
    open('cmd').set('js', new TextEncoder().encode('written by js'));
  },
};
`;
  const wasm = await jsComponent(wit, 'cmd', source);
  await openApp(page);
  await openWasm(page, 'js-cmd.wasm', wasm, 120_000);
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toContain('run() → ok · exit code 0');
  const lines = await consoleLines(page);
  const hello = lines.indexOf('hello from js');
  expect(hello).toBeGreaterThanOrEqual(0);
  // Each console.log is one line: no empty line from the separately written newline.
  expect(lines[hello + 1]).toBe('second line');
  expect(await storedText(page, 'cmd', 'js')).toBe('written by js');
});

test('a WASI 0.3 command built elsewhere (wasi:cli/run@0.3.0, from WAT) opens, prints and exits with its code', async ({ page }) => {
  // The example's WAT and WIT from the repo, made into a component in Node as wasm-tools would.
  const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
  const wit = `${read('src/examples/p3/commandP3.wit')}\n${nestedPackage('cli-0.3.0/cli.wit')}`;
  const wasm = await watComponent(wit, 'command-p3', read('src/examples/p3/commandP3.wat'));
  await openApp(page);
  await openWasm(page, 'hello-p3.wasm', wasm);
  await expect(page.getByTestId('component-info')).toContainText('wasi:cli/run@0.3.0 → run()');
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toContain('run() → ok · exit code 0');
  expect(await consoleLines(page)).toEqual(expect.arrayContaining(['hello from a WASI 0.3 command', 'arg: hello-p3']));

  // A number as the first argument: exit-with-code.
  await page.getByTestId('tab-hosts').click();
  await page.getByTestId('hosts-args').pressSequentially('hello-p3 42');
  await page.getByTestId('run').click();
  await page.getByTestId('tab-console').click();
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toMatch(/exit code 42/);
  expect(await consoleText(page)).toContain('arg: 42');
});
