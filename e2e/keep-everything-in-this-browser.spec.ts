import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { consoleText, openApp } from './appHelpers';

test('storage status, export everything to one file, and import it back without losing what is stored', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.getByTestId('example-picker').selectOption('kv-counter');
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/run\(\) → 1 {2}\(/);
  await page.getByTestId('workspaces').click();
  await page.getByTestId('save-as-name').fill('Backup me');
  await page.getByTestId('save-as').click();

  await page.getByTestId('storage').click();
  await expect(page.getByTestId('storage-status')).toContainText(/(Persistent|Best effort).*Using \d/);
  await page.screenshot({ path: 'test-results/storage-menu.png' });
  const download = page.waitForEvent('download');
  await page.getByTestId('export-everything').click();
  const file = await (await download).path();
  const backup = JSON.parse(readFileSync(file, 'utf8')) as { format: string; databases: { name: string }[]; localStorage: Record<string, string> };
  expect(backup.format).toBe('wasi-cloud-playground-backup');
  expect(backup.databases.map((d) => d.name)).toEqual(expect.arrayContaining(['wcp-workspaces', 'wcp-kv']));
  expect(Object.keys(backup.localStorage)).toContain('wcp:settings');

  // The browser loses the saved workspaces; the file brings them back.
  await page.evaluate(() => new Promise((r) => (indexedDB.deleteDatabase('wcp-workspaces').onsuccess = r)));
  await page.getByTestId('import-everything-file').setInputFiles(file);
  await expect(page.getByTestId('storage-message')).toContainText(/Imported [1-9]\d* new entries/);
  await page.getByTestId('storage').click();
  await page.getByTestId('workspaces').click();
  await expect(page.getByTestId('workspace-list')).toContainText('Backup me');
  await page.getByTestId('workspaces').click();

  // The counter moves on; importing the old file again keeps the newer stored value and says so.
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/run\(\) → 2 {2}\(/);
  await page.getByTestId('storage').click();
  await page.getByTestId('import-everything-file').setInputFiles(file);
  await expect(page.getByTestId('storage-message')).toContainText(/differ from what is stored and were left as stored: .*wcp-kv/);
  await page.getByTestId('storage').click();
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/run\(\) → 3 {2}\(/);
});

test('the storage menu closes on Escape and on a click elsewhere, as the other header menus do', async ({ page }) => {
  await openApp(page);
  const popover = page.locator('.storage-popover');
  await page.getByTestId('storage').click();
  await expect(popover).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  // Opening Share from an open Storage menu used to stack the two popovers.
  await page.getByTestId('storage').click();
  await expect(popover).toBeVisible();
  await page.getByTestId('share').click();
  await expect(page.locator('.share-popover')).toBeVisible();
  await expect(popover).toBeHidden();
});
