import { expect, test, type Locator } from '@playwright/test';
import { consoleText, openApp } from './appHelpers';

// A JavaScript guest's top level runs once while it is built (the engine is snapshotted after
// it). Someone live-coding types an endless loop there, or opens a stranger's link with one:
// the build must stop with a message that says why, and the next build must work, instead of
// the one build worker spinning forever and every later Run hanging.
test.use({ viewport: { width: 1280, height: 720 } });

/** The editor's top line as shown (Monaco reuses line elements out of order; spaces are nbsp). */
const topLine = (pane: Locator) =>
  pane.locator('.view-line').evaluateAll((els) => {
    const top = els.map((e) => ({ y: e.getBoundingClientRect().top, text: (e as HTMLElement).innerText })).sort((a, b) => a.y - b.y)[0];
    return (top?.text ?? '').replace(/\u00a0/g, ' ').trimEnd();
  });

test('an endless loop at a JavaScript guest\'s top level stops the build with a message, and the fixed guest then runs', async ({ page }) => {
  test.setTimeout(300_000);
  await openApp(page, '?example=js-kv-counter');
  const pane = page.getByTestId('guest-editor');
  await expect(pane.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  // Typed with the keyboard at the top of the module (Monaco closes the brackets; typing the
  // closing ones steps over them).
  await pane.locator('.view-line').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('while (true) {}');
  await page.keyboard.press('Enter');
  await expect.poll(() => topLine(pane)).toBe('while (true) {}');

  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 180_000 }).toMatch(/top level did not finish within 30 s, so the build was stopped/);
  // The stage it was stopped in is not ticked off as done.
  expect(await consoleText(page)).toMatch(/✗ initializing your JavaScript stopped/);
  expect(await consoleText(page)).not.toMatch(/✓ initializing your JavaScript/);
  await expect(page.getByTestId('run')).toBeEnabled();
  await expect(pane.locator('.squiggly-error').first()).toBeAttached();

  // Take the loop out again (delete the typed line) and run: a fresh build worker builds it.
  await pane.locator('.view-line').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Delete');
  await expect.poll(() => topLine(pane)).not.toMatch(/while/);
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 180_000 }).toMatch(/run\(\) → "?1"?/);
});
