import { expect, test } from '@playwright/test';
import { consoleText, openApp, runExample } from './appHelpers';

test('blob get-data-from with an open end, and a handle that keeps the old bytes', async ({ page }) => {
  await openApp(page);
  await runExample(page, 'proposal-blob-handles');
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toMatch(/run\(\) → 47/);
  const text = await consoleText(page);
  expect(text).toMatch(/get-data-from\(11, none\) = "WASI meeting: open-ended blob ranges" \(36 bytes\)/);
  expect(text).toMatch(/get-data-from\(0, some\(9\)\) = "2022-12-01" \(10 bytes\)/);
  expect(text).toMatch(/get-data-from\(1000, none\) = "" \(0 bytes\)/);
  expect(text).toMatch(/container\.get-data now reads "rewritten"/);
  expect(text).toMatch(/the handle still reads "2022-12-01 WASI meeting: open-ended blob ranges"/);
});
