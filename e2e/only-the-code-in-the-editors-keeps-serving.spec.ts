import { expect, test, type Page } from '@playwright/test';
import { consoleText, openApp, runExample } from './appHelpers';
import { gotoLesson } from './learnHelpers';
import { caretAfterLine, editorLines, shipped, typeLines } from './monacoHelpers';

// Reset, or opening a link of the same example, once only changed the editors: the listener
// that Run left serving kept answering the lobby with code no longer shown, and with an
// unedited example not even the status line noticed.

const RESET = "Reset sources to the example's original";

/** Runs the two-tabs example and waits until its listener serves and has heard this tab's speaker. */
async function serveLobby(page: Page, speaker: number): Promise<void> {
  await runExample(page, 'msg-two-tabs');
  await expect(page.getByTestId('status')).toContainText('serving', { timeout: 60_000 });
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toMatch(new RegExp(`listener\\s+chat\\.lobby: hello from speaker #${speaker}`));
}

/**
 * A second tab runs the example and its speaker #2 says hello; the first tab, stopped, must not
 * print it. BroadcastChannel reaches every tab at once: once the second tab's own listener has
 * heard it, the first tab is given a moment to (not) print it.
 */
async function expectNotHeard(first: Page, second: Page): Promise<void> {
  await openApp(second);
  await serveLobby(second, 2);
  await first.waitForTimeout(1_000);
  expect(await consoleText(first)).not.toMatch(/hello from speaker #2/);
}

test('Reset of an example nobody edited stops its listener: another tab’s hello is no longer heard', async ({ browser }) => {
  const context = await browser.newContext();
  const [first, second] = [await context.newPage(), await context.newPage()];
  await openApp(first);
  await serveLobby(first, 1);

  await first.getByRole('button', { name: RESET }).click();
  await expect(first.getByTestId('status')).not.toContainText('serving');
  await expect(first.getByTestId('status')).toHaveClass(/status-idle/);

  await expectNotHeard(first, second);
  await context.close();
});

test('Reset of edited code that is serving asks, then stops the discarded code and shows the original', async ({ browser }) => {
  const context = await browser.newContext();
  const [first, second] = [await context.newPage(), await context.newPage()];
  await openApp(first);
  await first.getByTestId('example-picker').selectOption('msg-two-tabs');
  // An edit typed into the listener's WAT, as a presenter live-codes it.
  const guest = first.getByTestId('guest-editor');
  await caretAfterLine(first, guest, shipped('messaging/orderLog.wat'), '(module');
  await typeLines(first, [';; edited live']);
  await expect.poll(() => editorLines(guest)).toContain(';; edited live');
  await first.getByTestId('run').click();
  await expect(first.getByTestId('status')).toContainText('serving', { timeout: 60_000 });
  await expect.poll(() => consoleText(first), { timeout: 20_000 }).toMatch(/listener\s+chat\.lobby: hello from speaker #1/);

  let asked = '';
  first.once('dialog', (d) => ((asked = d.message()), void d.accept()));
  await first.getByRole('button', { name: RESET }).click();
  expect(asked).toContain('Discard your edits');
  await expect.poll(() => editorLines(guest)).not.toContain(';; edited live');
  await expect(first.getByTestId('status')).toHaveClass(/status-idle/);

  await expectNotHeard(first, second);
  await context.close();
});

test('opening a link to the same example while it serves stops the code that was running', async ({ browser }) => {
  const context = await browser.newContext();
  const [first, second] = [await context.newPage(), await context.newPage()];
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(first);
  await first.getByTestId('example-picker').selectOption('msg-two-tabs');
  await first.getByTestId('share').click();
  await expect(first.getByTestId('share-link')).toHaveValue(/#w2\./);
  const link = await first.getByTestId('share-link').inputValue();
  await first.keyboard.press('Escape');
  await serveLobby(first, 1);

  // The link arrives in the address bar of the tab that serves (a link clicked in a chat).
  await first.evaluate((hash) => void (location.hash = hash), new URL(link).hash);
  await expect(first.getByTestId('notice').filter({ hasText: 'You opened a shared workspace' })).toBeVisible();
  await expect(first.getByTestId('status')).toHaveClass(/status-idle/);

  await expectNotHeard(first, second);
  await context.close();
});

test('Reset lesson stops the lesson’s listeners that Run left serving', async ({ page }) => {
  await gotoLesson(page, 'pubsub-wildcards');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toContainText('serving', { timeout: 120_000 });
  // The starter is unedited: nothing to lose, so no question.
  await page.getByTestId('learn-reset').click();
  await expect(page.getByTestId('status')).toHaveClass(/status-idle/);
  await expect(page.getByTestId('status')).not.toContainText('serving');
});
