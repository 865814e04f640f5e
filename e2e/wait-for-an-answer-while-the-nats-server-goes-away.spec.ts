import { expect, test, type Page } from '@playwright/test';
import { chooseNatsBackend, consoleText, openApp, runExample } from './appHelpers';
import { caretAfterLine, shipped } from './monacoHelpers';
import { useNatsServer } from './natsServer';

// A presenter runs the messaging examples on the room's NATS server at 1280×720. A guest that
// waits (a request for replies, a receive with a timeout) must hear the truth: nobody
// answered (timeout, as in the browser), or the server went away (the connection error, at
// once, not after its whole timeout and not a hang until the time limit).
const nats = useNatsServer();
test.use({ viewport: { width: 1280, height: 720 } });

/** Opens guest tab `name`, and on its line containing `text` replaces `from` (at the line's end) with `to`, by keyboard. */
async function editLineEnd(page: Page, name: string, file: string, text: string, from: string, to: string): Promise<void> {
  await page.getByTestId('guest-tab').filter({ hasText: name }).click();
  const pane = page.getByTestId('guest-editor');
  await caretAfterLine(page, pane, shipped(file), text);
  for (let i = 0; i < from.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type(to);
  await expect(pane.locator('.view-line', { hasText: text.replace(from, to) })).toHaveCount(1);
}

/** Guest tab, shipped file, the line's text, and what its end becomes (see editLineEnd). */
type LineEdit = [name: string, file: string, text: string, from: string, to: string];

/**
 * On the NATS server: opens `example`, makes one guest wait long (`edit`, by keyboard), runs
 * it and waits until the console says `waiting`, the moment to pull the plug.
 */
async function runUntilWaiting(page: Page, example: string, edit: LineEdit, waiting: RegExp): Promise<void> {
  await openApp(page);
  await chooseNatsBackend(page, nats.ws, 60_000);
  await page.getByTestId('example-picker').selectOption(example);
  await editLineEnd(page, ...edit);
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 60_000 }).toMatch(waiting);
}

/** Stops the server, runs `check` (given when it stopped), and starts it again whatever happened. */
async function whileServerIsAway(check: (stoppedAt: number) => Promise<void>): Promise<void> {
  await nats.stop();
  try {
    await check(Date.now());
  } finally {
    await nats.start();
  }
}

test('a request nobody serves times out on the NATS server as in the browser (no empty "reply" from the server)', async ({ page }) => {
  await openApp(page);
  await chooseNatsBackend(page, nats.ws);
  await runExample(page, 'msg-request-reply');
  await expect.poll(() => consoleText(page), { timeout: 60_000 }).toMatch(/lonely-asker\s+run\(\) → 0/);
  const text = await consoleText(page);
  expect(text).toContain('request to nobody.home failed: timeout');
  // The server's "no responders" status was taken for a reply with an empty body.
  expect(text).not.toMatch(/lonely-asker\s+reply:/);
  // The responder's answer still arrives.
  expect(text).toMatch(/asker\s+reply: HELLO, WASI/);
});

test('the server goes away while a guest waits for replies: the request fails with the connection error at once', async ({ page }) => {
  // The lonely asker waits 20 s for replies instead of 1 s: long enough to pull the plug meanwhile.
  await runUntilWaiting(page, 'msg-request-reply', ['lonely-asker', 'messaging/lonelyAsker.wat', '(call $set_timeout (local.get $options) (i32.const 1000))', '1000))', '20000))'], /lonely-asker\s+asking nobody\.home/);
  await whileServerIsAway(async (stoppedAt) => {
    await expect.poll(() => consoleText(page), { timeout: 10_000 }).toMatch(/request to nobody\.home failed: connection: lost the connection to the NATS server ws:\/\/127\.0\.0\.1:\d+ while waiting for replies on nobody\.home/);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    await page.screenshot({ path: test.info().outputPath('request-while-server-away.png') });
  });
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
});

test('the server goes away while a guest waits in receive(timeout): it gets the connection error, not "none"', async ({ page }) => {
  // The dashboard's first receive waits 20 s instead of 250 ms.
  await runUntilWaiting(page, 'proposal-pull-and-replay', ['dashboard', 'proposals/dashboard.wat', '(drop (call $poll (local.get $sub) (i32.const 250)))', '250)))', '20000)))'], /live subscription to sensors\.temp/);
  await page.waitForTimeout(500);
  await whileServerIsAway(async () => {
    await expect.poll(() => consoleText(page), { timeout: 10_000 }).toMatch(/receive\(20000 ms\) → error: .*lost the connection to the NATS server/);
    expect(await consoleText(page)).not.toMatch(/receive\(20000 ms\) → none/);
  });
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
});

test('the server goes away while a consumer waits past the end of a replayed topic log: its receive fails at once', async ({ page }) => {
  // After the replay the dashboard's consumer waits 20 s for more instead of 300 ms.
  await runUntilWaiting(page, 'proposal-pull-and-replay', ['dashboard', 'proposals/dashboard.wat', '(call $consume (local.get $c) (i32.const 300) (i32.const 3072))', '300) (i32.const 3072))', '20000) (i32.const 3072))'], /offset \d+: 22\.4 °C/);
  await page.waitForTimeout(500);
  await whileServerIsAway(async (stoppedAt) => {
    // The guest ends its replay loop on the receive's error (it prints the same line either way).
    await expect.poll(() => consoleText(page), { timeout: 10_000 }).toMatch(/replayed \d+ readings/);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
  });
});
