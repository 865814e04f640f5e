import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { consoleText, openApp, usePlainEditors } from './appHelpers';

/** Clicks a download button and returns the saved file's name and bytes. */
async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/** A component is a wasm binary of layer 1 (bytes 4..7 = 0d 00 01 00), not a core module. */
const isComponent = (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00]));

test('download a built component and its JS, open the .wasm again, read its WIT and run it', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('example-picker').selectOption('kv-counter');
  const wasm = await download(page, 'download-wasm');
  expect(wasm.name).toBe('counter.wasm');
  expect(isComponent(wasm.bytes)).toBe(true);
  const js = await download(page, 'download-js');
  expect(js.name).toBe('counter-js.zip');
  expect(js.bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))).toBe(true);
  expect(js.bytes.includes(Buffer.from('.core.wasm'))).toBe(true);

  await page.getByTestId('open-component-input').setInputFiles({ name: 'visits.wasm', mimeType: 'application/wasm', buffer: wasm.bytes });
  const wit = page.getByTestId('component-wit');
  await expect(wit).toContainText('import wasi:keyvalue/store@0.2.0-draft2');
  await expect(wit).toContainText('export run: func() -> s64');
  await expect(page.getByTestId('component-info')).toContainText('Run calls run()');
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toMatch(/run\(\) → "?1"?/);
  // Back to the editor: the example's own guest runs again, on the same IndexedDB counter.
  await page.getByTestId('close-component').click();
  await expect(page.getByTestId('guest-editor')).toBeVisible();
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toMatch(/run\(\) → "?2"?/);
});

test('a component dropped on the guest editor that imports an interface nobody hosts is explained, naming it', async ({ page }) => {
  await openApp(page, '?example=scratch');
  await usePlainEditors(page);
  await page.getByTestId('wit-editor').locator('textarea').fill(
    ['package local:gadget;', 'world gadget {', '  import acme:widgets/maker@0.1.0;', '  export run: func() -> u32;', '}', 'package acme:widgets@0.1.0 {', '  interface maker { make: func() -> u32; }', '}', ''].join('\n'),
  );
  await page.getByTestId('guest-editor').locator('textarea').fill('(module\n  (import "acme:widgets/maker@0.1.0" "make" (func $make (result i32)))\n  (func (export "run") (result i32) (call $make)))\n');
  const wasm = await download(page, 'download-wasm');
  expect(isComponent(wasm.bytes)).toBe(true);

  // Drop it on the guest editor, as from a file manager.
  await page.getByTestId('component-drop').evaluate((zone, bytes) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], 'gadget.wasm', { type: 'application/wasm' }));
    for (const type of ['dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
  }, [...wasm.bytes]);
  await expect(page.getByTestId('component-wit')).toContainText('import acme:widgets/maker@0.1.0');
  await expect(page.getByTestId('component-errors')).toContainText('acme:widgets/maker@0.1.0');
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toMatch(/acme:widgets\/maker@0\.1\.0/);

  // Not a wasm file at all: said so, nothing runs.
  await page.getByTestId('open-component-input').setInputFiles({ name: 'notes.wasm', mimeType: 'application/wasm', buffer: Buffer.from('hello') });
  await expect(page.getByTestId('component-errors')).toContainText('not a WebAssembly file');
});
