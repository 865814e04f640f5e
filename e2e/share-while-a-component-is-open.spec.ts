import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { consoleText, openApp } from './appHelpers';
import { nestedPackage, watComponent } from './fixtures/buildFixtures';

const source = (file: string) => readFileSync(new URL(`../src/examples/linked/${file}`, import.meta.url), 'utf8');
const notesWit = () => `${source('notesApp.wit')}\n${nestedPackage('keyvalue-0.2.0-draft2/keyvalue.wit')}`;

test('a small opened .wasm travels in the share link with its Hosts-tab settings; a large one is named as missing and handed over as a file', async ({ page }) => {
  const small = await watComponent(notesWit(), 'notes', source('notesApp.wat'));
  // The same guest with 70 KB of data: past what a link carries (64 KB).
  const bigWat = source('notesApp.wat').replace('(memory (export "memory") 1)', `(memory (export "memory") 2)\n  (data (i32.const 8192) "${'x'.repeat(70_000)}")`);
  const big = await watComponent(notesWit(), 'notes', bigWat);
  await openApp(page, '?example=kv-counter');
  await page.getByTestId('open-component-input').setInputFiles({ name: 'notes.wasm', mimeType: 'application/wasm', buffer: small });
  await expect(page.getByTestId('component-info')).toContainText('notes.wasm', { timeout: 40_000 });
  await page.getByTestId('tab-hosts').click();
  await page.getByTestId('hosts-buckets').pressSequentially('notes');

  await page.getByTestId('share').click();
  const note = page.getByTestId('share-opened-note');
  await expect(note).toContainText(`The opened component notes.wasm (${Math.round(small.length / 1024)} KB) and its Hosts-tab settings are in this link`);
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toContain('~c2.');
  await page.screenshot({ path: test.info().outputPath('share-small.png') });

  // The recipient gets the component, opened over the workspace, with its bucket setting, and runs it.
  const other = await page.context().newPage();
  await other.goto(link);
  await expect(other.getByTestId('component-info')).toContainText('notes.wasm', { timeout: 40_000 });
  await other.getByTestId('tab-hosts').click();
  await expect(other.getByTestId('hosts-buckets')).toHaveValue('notes');
  await other.getByTestId('run').click();
  await other.getByTestId('tab-console').click();
  await expect.poll(() => consoleText(other), { timeout: 30_000 }).toContain('run() → "hello"');
  await other.close();

  // A component too large for a link: the dialog says so and hands over the file.
  await page.keyboard.press('Escape');
  await page.getByTestId('open-component-input').setInputFiles({ name: 'notes-big.wasm', mimeType: 'application/wasm', buffer: big });
  await expect(page.getByTestId('component-info')).toContainText('notes-big.wasm', { timeout: 40_000 });
  if (!(await page.getByTestId('share-link').isVisible())) await page.getByTestId('share').click();
  else await page.getByTestId('share-copy').click();
  await expect(note).toContainText(`The opened component notes-big.wasm (${Math.round(big.length / 1024)} KB) is too large for a link, so it is not in it, nor are its Hosts-tab settings`);
  expect(await page.getByTestId('share-link').inputValue()).not.toContain('~c2.');
  await page.screenshot({ path: test.info().outputPath('share-large.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share-download-component').click()]);
  expect(download.suggestedFilename()).toBe('notes-big.wasm');
  expect(readFileSync(await download.path())).toEqual(big);
});
