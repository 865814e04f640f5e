import { expect, test, type Page } from '@playwright/test';
import { openApp, usePlainEditors } from './appHelpers';
import { editorLines } from './monacoHelpers';

const guestSource = (page: Page) => page.getByTestId('guest-editor').locator('textarea');
const source = (n: number) => `(module (func (export "run") (result i32) i32.const ${n}))\n`;

test('edits saved by the old localStorage version move to IndexedDB on the first visit', async ({ page }) => {
  // A static file of the same origin, so the app can't write anything before we seed storage.
  await page.goto('/favicon.svg');
  // Exactly what the previous version stored: settings and one edited example.
  await page.evaluate((src) => {
    localStorage.clear();
    localStorage.setItem('wcp:settings', JSON.stringify({ v: 1, timeLimitMs: 5000, plainEditor: true, fontSize: 13, lastExampleId: 'scratch', panes: [0.27, 0.35, 0.38] }));
    localStorage.setItem('wcp:workspace:v1:scratch', JSON.stringify({ exampleId: 'scratch', guests: [{ name: 'guest-1', wit: 'package local:app;\n\nworld app {\n  export run: func() -> u32;\n}\n', source: src }], savedAt: 1700000000000 }));
  }, source(11));
  await page.goto('/');
  await expect(guestSource(page)).toHaveValue(source(11));
  // Moved, not copied: the old key is gone and the edit lives on in IndexedDB.
  await expect.poll(() => page.evaluate(() => localStorage.getItem('wcp:workspace:v1:scratch'))).toBeNull();
  await page.reload();
  await expect(guestSource(page)).toHaveValue(source(11));
});

test('a full disk shows a banner, keeps the last saved version, and saving resumes when space is back', async ({ page }) => {
  // Simulate the browser refusing writes the way a full disk does.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if ((window as unknown as { diskFull?: boolean }).diskFull && this.name === 'workspaces') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await openApp(page);
  await page.getByTestId('example-picker').selectOption('scratch');
  await usePlainEditors(page);
  await guestSource(page).fill(source(1));
  await page.waitForTimeout(800);

  await page.evaluate(() => ((window as unknown as { diskFull?: boolean }).diskFull = true));
  await guestSource(page).fill(source(2));
  const banner = page.getByTestId('notice').filter({ hasText: 'Browser storage is full — your last saved version is kept' });
  await expect(banner).toBeVisible();
  // Editing goes on: the banner doesn't block anything.
  await guestSource(page).fill(source(3));
  await expect(guestSource(page)).toHaveValue(source(3));

  const other = await page.context().newPage();
  await other.goto('/');
  await expect(other.getByTestId('guest-editor').locator('textarea')).toHaveValue(source(1));

  await page.evaluate(() => ((window as unknown as { diskFull?: boolean }).diskFull = false));
  await guestSource(page).fill(source(4));
  await expect(banner).toBeHidden();
  await other.reload();
  await expect(other.getByTestId('guest-editor').locator('textarea')).toHaveValue(source(4));
});

test('a line typed in Monaco right before a reload is still there after it', async ({ page }) => {
  await openApp(page, '?example=kv-counter');
  const guest = page.getByTestId('guest-editor');
  await expect(guest.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  // Two reloads: the first straight after typing, the second after typing again, so both
  // the kept copy and the normal save on the next load are exercised.
  for (const marker of [';; kept across a reload', ';; and across another']) {
    await guest.locator('.view-line').first().click({ position: { x: 4, y: 4 } });
    await page.keyboard.press('Control+Home');
    await page.keyboard.type(`${marker}\n`);
    await expect.poll(() => editorLines(guest)).toContain(marker);
    // At once: autosave waits 400 ms after the last key, so only the kept copy has it.
    await page.reload();
    await expect(guest.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
    await expect.poll(() => editorLines(guest)).toContain(marker);
  }
  await expect.poll(() => editorLines(guest)).toContain(';; kept across a reload');
  // Saved in IndexedDB too, not only shown: a second tab opens the example with both lines.
  const other = await page.context().newPage();
  await other.goto('/?example=kv-counter');
  await expect.poll(() => editorLines(other.getByTestId('guest-editor'))).toEqual(expect.arrayContaining([';; and across another', ';; kept across a reload']));
});
