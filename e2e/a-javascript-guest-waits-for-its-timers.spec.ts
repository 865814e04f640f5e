import { expect, test } from '@playwright/test';
import { consoleText, openApp } from './appHelpers';
import { jsComponent } from './fixtures/buildFixtures';
import { caretAfterLine, editorLines, shipped, typeLines } from './monacoHelpers';

// A JavaScript guest that paces itself with `await new Promise((r) => setTimeout(r, ms))`:
// componentize-js's engine waits for timers by blocking on wasi:io/poll, which the host
// answers with a Promise. That import is not in the example's world (the engine's adapter
// adds it), and it used to be called without suspending: the timer "fired" at once.

test('a JavaScript guest built here awaits an 80 ms timer before it goes on', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page, '?example=js-kv-counter');
  const guest = page.getByTestId('guest-editor');
  await expect(guest.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });

  // `export function run() {` becomes `export async function run() {`.
  const source = shipped('js/counter.js');
  await caretAfterLine(page, guest, source, 'export function run()');
  await page.keyboard.press('Home');
  for (let i = 0; i < 'export '.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.type('async ');
  await caretAfterLine(page, guest, source, "const bucket = open('counters');");
  await typeLines(page, ['const t0 = Date.now();', 'await new Promise((resolve) => setTimeout(resolve, 80));', "console.log('slept ' + (Date.now() - t0) + ' ms');"]);
  await expect.poll(() => editorLines(guest)).toContain("console.log('slept ' + (Date.now() - t0) + ' ms');");
  await expect.poll(() => editorLines(guest)).toContain('export async function run() {');

  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 90_000 }).toMatch(/run\(\) → /);
  const text = await consoleText(page);
  const slept = Number(/slept (\d+) ms/.exec(text)?.[1]);
  expect(slept, text).toBeGreaterThanOrEqual(80);
  // And it went on after the timer: the count was incremented and returned.
  expect(text).toMatch(/visit number \d+/);
  expect(text).toMatch(/run\(\) → "?\d+"?/);
});

test('a JavaScript component built elsewhere awaits its timers too', async ({ page }) => {
  test.setTimeout(240_000);
  const wit = `package local:cmd;
world cmd {
  export wasi:cli/run@0.2.3;
}
package wasi:cli@0.2.3 { interface run { run: func() -> result; } }`;
  const source = `export const run = {
  async run() {
    const t0 = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 80));
    console.log('slept ' + (Date.now() - t0) + ' ms');
  },
};
`;
  const wasm = await jsComponent(wit, 'cmd', source);
  await openApp(page);
  await page.getByTestId('open-component-input').setInputFiles({ name: 'timer.wasm', mimeType: 'application/wasm', buffer: wasm });
  await expect(page.getByTestId('component-info')).toContainText('timer.wasm', { timeout: 120_000 });
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toContain('run() → ok · exit code 0');
  const text = await consoleText(page);
  expect(Number(/slept (\d+) ms/.exec(text)?.[1]), text).toBeGreaterThanOrEqual(80);
});
