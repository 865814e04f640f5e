import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { componentEmbed, componentNew } from '@bytecodealliance/jco-transpile/wasm-tools';
import { consoleText, openApp, usePlainEditors } from './appHelpers';
import { watComponent } from './fixtures/buildFixtures';

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

test('an opened handler component is configured in the Hosts tab, subscribes and receives a message from another tab', async ({ page, context }) => {
  test.setTimeout(240_000);
  await openApp(page, '?example=msg-fan-out');
  const handler = await download(page, 'download-wasm');
  await page.getByTestId('open-component-input').setInputFiles({ name: 'audit.wasm', mimeType: 'application/wasm', buffer: handler.bytes });
  await expect(page.getByTestId('component-info')).toContainText('serves wasi:messaging/incoming-handler@0.2.0-draft', { timeout: 40_000 });
  // The Hosts tab shows the opened component, not the example's guests.
  await page.getByTestId('tab-hosts').click();
  const card = page.getByTestId('hosts-guest');
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute('data-name', 'audit');
  await card.getByTestId('hosts-subscriptions').pressSequentially('orders.paid');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toContainText('serving', { timeout: 30_000 });

  // Another tab produces orders; only the subscribed topic reaches the opened component.
  const other = await context.newPage();
  await openApp(other, '?example=msg-fan-out');
  await other.getByTestId('run').click();
  await expect(other.getByTestId('status')).toContainText('serving', { timeout: 90_000 });
  await expect.poll(() => consoleText(other), { timeout: 30_000 }).toContain('run() →');
  await page.getByTestId('tab-console').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toContain('orders.paid');
  expect(await consoleText(page)).not.toContain('orders.created');
  await other.close();
});

test('a component whose imported function has another type than the host’s is refused at open, naming interface and function', async ({ page }) => {
  test.setTimeout(120_000);
  const kv = readFileSync(new URL('../wit/keyvalue-0.2.0-draft2/keyvalue.wit', import.meta.url), 'utf8')
    .replace(/get: func\(key: string\) -> result<option<list<u8>>, error>;/, 'get: func(key: string) -> result<string, error>;');
  const wit = `package local:app;\nworld app {\n  import wasi:keyvalue/store@0.2.0-draft2;\n  export run: func() -> u32;\n}\n${kv.replace(/package ([^;]+);/, 'package $1 {')}\n}\n`;
  const wasm = Buffer.from(await componentNew(await componentEmbed({ dummy: true, witSource: wit, world: 'app' })));
  await openApp(page);
  await page.getByTestId('open-component-input').setInputFiles({ name: 'wrong-get.wasm', mimeType: 'application/wasm', buffer: wasm });
  const errors = page.getByTestId('component-errors');
  await expect(errors).toContainText('wasi:keyvalue/store@0.2.0-draft2: function bucket.get differs', { timeout: 40_000 });
  await expect(errors).toContainText('get(key: string): string');
  await expect(errors).toContainText('get(key: string): Uint8Array | undefined');
});

test('an opened component whose run takes a parameter asks for it, typed; an export nothing calls is named', async ({ page }) => {
  test.setTimeout(120_000);
  const wasm = await watComponent(
    'package local:twice;\nworld twice {\n  export run: func(n: u32) -> u32;\n  export start: func();\n}\n',
    'twice',
    '(module (func (export "run") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2))) (func (export "start")) (memory (export "memory") 1))',
  );
  await openApp(page);
  await page.getByTestId('open-component-input').setInputFiles({ name: 'twice.wasm', mimeType: 'application/wasm', buffer: wasm });
  await expect(page.getByTestId('component-uncallable')).toContainText("start can’t be called here", { timeout: 40_000 });
  const n = page.getByTestId('export-arg-n');
  await n.pressSequentially('-3');
  await expect(page.getByTestId('export-args')).toContainText('expected u32 is 0…4294967295');
  await n.fill('');
  await n.pressSequentially('21');
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/run\(\) → 42/);
});
