import { expect, test } from '@playwright/test';
import { consoleText, openApp } from './appHelpers';

test('a wasmCloud-messaging component and WASI-messaging components exchange requests and replies on one bus', async ({ page }) => {
  // The wasmCloud guest is JavaScript built in the browser with componentize-js (first build loads the engine).
  test.setTimeout(420_000);
  await openApp(page, '?example=wasmcloud-meets-wasi');
  await page.getByTestId('run').click();
  // wasmCloud consumer.request → WASI incoming-handler → request-reply.reply → wasmCloud.
  await expect.poll(() => consoleText(page), { timeout: 390_000 }).toContain('wasmCloud got reply: HELLO FROM WASMCLOUD');
  // WASI request-reply.request → wasmCloud handler.handle-message → consumer.publish to reply-to → WASI.
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toContain('reply: echo: hello, wasi');
  const text = await consoleText(page);
  expect(text).toContain('wasmCloud handler got wc.echo: hello, wasi');
  expect(text).toMatch(/run\(\) → "HELLO FROM WASMCLOUD"/);

  // One diagram: the wasmCloud guest and the WASI guests, with the topics they used.
  await page.getByTestId('tab-diagram').click();
  const nodes = () => page.getByTestId('diagram-node').evaluateAll((els) => els.map((el) => el.textContent ?? '').join(' '));
  await expect.poll(nodes).toContain('wc-bridge');
  const drawn = await nodes();
  for (const name of ['shouter', 'wasi-asker', 'greet', 'wc.echo']) expect(drawn).toContain(name);
  await page.screenshot({ path: 'test-results/wasmcloud-meets-wasi-diagram.png' });

  // Where would the wasmCloud guest run? Here and on wasmCloud 1.x.
  await page.getByTestId('tab-where').click();
  const bridge = page.locator('[data-testid="compat-guest"][data-name="wc-bridge"]');
  await expect(bridge.locator('[data-testid="compat-verdict"][data-host="playground"]')).toHaveText('runs');
  await expect(bridge.locator('[data-testid="compat-verdict"][data-host="wasmcloud"]')).toHaveText('runs');
  await expect(bridge.locator('[data-testid="compat-verdict"][data-host="wasmtime"]')).toHaveText('does not link');
  await page.screenshot({ path: 'test-results/wasmcloud-meets-wasi-where.png' });
});
