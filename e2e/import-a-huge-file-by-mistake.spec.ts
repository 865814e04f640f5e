import { rmSync, truncateSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openApp } from './appHelpers';

// Someone sends "my workspace" and it is a 700 MB disk image, or the user picks the wrong file
// in Share → Import file. Read as text first, the file failed inside the browser and the
// import ended without a word; the user waited and tried again. It is refused by its size,
// before reading, saying why, and the workspace open stays as it was.
test('a 700 MB file picked as a workspace is refused by its size with a message, nothing changed', async ({ page }) => {
  test.setTimeout(120_000);
  const file = test.info().outputPath('my-workspace.json');
  writeFileSync(file, '');
  truncateSync(file, 700 * 2 ** 20); // sparse: no 700 MB written to the disk
  try {
    await openApp(page, '?example=kv-counter');
    await page.getByTestId('import-file').setInputFiles(file);
    await expect(page.getByTestId('notice').filter({ hasText: 'Could not import "my-workspace.json": The file is 700 MB; a playground workspace file is at most 2 MB. Nothing was changed.' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('example-picker')).toHaveValue('kv-counter');
  } finally {
    rmSync(file, { force: true });
  }
});
