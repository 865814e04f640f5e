import { readdirSync, readFileSync } from 'node:fs';
import { chromium, expect, test, type Browser } from '@playwright/test';
import { consoleText } from './appHelpers';

// A teacher serves the built site over plain http by a LAN name. Such an origin is not a
// secure context (no crypto.randomUUID, no async clipboard): every messaging example must
// still run. The name is mapped to loopback inside Chromium, so traffic never leaves the host.
const HOST = 'playground.test';
let browser: Browser;

test.beforeAll(async ({}, info) => {
  const base = info.project.use.launchOptions ?? {};
  browser = await chromium.launch({ ...base, args: [...(base.args ?? []), `--host-resolver-rules=MAP ${HOST} 127.0.0.1`] });
});
test.afterAll(async () => browser?.close());

/** What each messaging example prints when it works (same lines as the localhost specs). */
const expectations: Record<string, RegExp[]> = {
  'msg-fan-out': [/all-orders\s+orders\.created/, /payments\s+orders\.paid/, /run\(\) → 3/],
  'msg-work-queue': [/queued job-6/, /run\(\) → 6/],
  'msg-request-reply': [/reply: HELLO, WASI/, /request to nobody\.home failed: timeout/],
  'msg-two-tabs': [/speaker #1 said hello/, /listener\s+chat\.lobby: hello from speaker #1/],
  'js-msg-fan-out': [/js-all-orders\s+orders\.created: order 1001/, /js-payments\s+orders\.paid: order 1001/, /run\(\) → 3/],
  'js-msg-request-reply': [/js-shouter\s+request on greet: hello, wasi/, /reply: HELLO, WASI/],
  'proposal-pull-and-replay': [/offset 0: 21\.5 °C/, /replayed 4 readings/],
  'proposal-delivery-guarantees': [/exactly-once\s+lost: none · twice or more: none · effects: 10/],
  'p3-request-reply': [/run\(\) → "APPLES PEARS PLUMS"/, /reply: HELLO, WASI/],
  'p3-handler-awaits': [/order-desk-p3\s+checked orders\.\w+ -> \{"ORDER":1001/],
  'wasmcloud-meets-wasi': [/wasmCloud got reply: HELLO FROM WASMCLOUD/, /reply: echo: hello, wasi/],
};

/** Ids of the shipped examples tagged "messaging", read from src/examples (ids and tags are literals there). */
function messagingExampleIds(): string[] {
  const dir = new URL('../src/examples/', import.meta.url);
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ts$/.test(f) && !f.endsWith('.test.ts'));
  const ids: string[] = [];
  for (const file of files) {
    for (const m of readFileSync(new URL(file, dir), 'utf8').matchAll(/\bid: '([^']+)',[\s\S]*?\btags: \[([^\]]*)\]/g)) if (m[2]!.includes("'messaging'")) ids.push(m[1]!);
  }
  return ids;
}

test('every messaging example runs on an insecure http origin', async ({}, info) => {
  test.setTimeout(540_000);
  const messaging = messagingExampleIds();
  // Every shipped messaging example is covered; a new one needs its expected lines here.
  expect(Object.keys(expectations).sort()).toEqual([...messaging].sort());

  const port = new URL(info.project.use.baseURL!).port;
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://${HOST}:${port}/`);
  await expect(page.getByTestId('example-picker')).toBeVisible();
  expect(await page.evaluate(() => ({ secure: window.isSecureContext, uuid: typeof crypto.randomUUID }))).toEqual({ secure: false, uuid: 'undefined' });

  for (const id of messaging) {
    await page.getByTestId('example-picker').selectOption(id);
    await page.getByTestId('run').click();
    for (const line of expectations[id]!) await expect.poll(() => consoleText(page), { timeout: 180_000, message: `${id}: ${line}` }).toMatch(line);
    await expect(page.getByTestId('status')).not.toContainText(/failed|trapped/i);
    expect(await consoleText(page)).not.toMatch(/randomUUID|is not a function/);
  }

  // Share → Copy link works without the async Clipboard API (a classroom's http address).
  await page.getByTestId('share').click();
  await page.getByTestId('share-copy').click();
  await expect(page.getByTestId('share-status')).toHaveText('Copied to clipboard.');
  expect(errors).toEqual([]);
  await page.close();
});
