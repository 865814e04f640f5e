import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openApp } from './appHelpers';
import { nestedPackage, watComponent } from './fixtures/buildFixtures';

const source = (file: string) => readFileSync(new URL(`../src/examples/linked/${file}`, import.meta.url), 'utf8');

test('sharing while a .wasm is open says the component is not in the link and hands over the file', async ({ page }) => {
  const wasm = await watComponent(`${source('notesApp.wit')}\n${nestedPackage('keyvalue-0.2.0-draft2/keyvalue.wit')}`, 'notes', source('notesApp.wat'));
  await openApp(page, '?example=kv-counter');
  await page.getByTestId('open-component-input').setInputFiles({ name: 'notes.wasm', mimeType: 'application/wasm', buffer: wasm });
  await expect(page.getByTestId('component-info')).toContainText('notes.wasm', { timeout: 40_000 });

  await page.getByTestId('share').click();
  const note = page.getByTestId('share-opened-note');
  await expect(note).toContainText(`The opened component notes.wasm (${Math.round(wasm.length / 1024)} KB) is not in this link`);
  await expect(note).toContainText('nor are its Hosts-tab settings');
  await page.screenshot({ path: test.info().outputPath('share.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share-download-component').click()]);
  expect(download.suggestedFilename()).toBe('notes.wasm');
  expect(readFileSync(await download.path())).toEqual(wasm);

  // The link opens the workspace behind the component, as the note says.
  const link = await page.getByTestId('share-link').inputValue();
  const other = await page.context().newPage();
  await other.goto(link);
  await expect(other.getByTestId('example-picker')).toBeVisible();
  await expect(other.getByTestId('wit-editor')).toContainText('world counter', { timeout: 20_000 });
  await expect(other.getByTestId('component-info')).toHaveCount(0);
});
