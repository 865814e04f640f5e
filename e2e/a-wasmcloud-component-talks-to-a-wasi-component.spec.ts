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

  // One trace: the wasmCloud guest's request and the WASI guests' messages side by side.
  await page.getByTestId('tab-trace').click();
  const trace = page.getByTestId('trace-panel');
  await expect(trace).toContainText('wc-bridge');
  await expect(trace).toContainText('wc.echo');
  await expect(trace).toContainText('greet');
  await page.getByTestId('tab-diagram').click();
  await page.screenshot({ path: 'test-results/wasmcloud-meets-wasi-diagram.png' });
});
