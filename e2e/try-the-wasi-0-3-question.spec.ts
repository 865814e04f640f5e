import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { consoleText, openApp, runExample } from './appHelpers';

// The WASI 0.3 examples, run through the UI as a subgroup member trying the 0.3 question:
// each prints what its description promises, and the timeline shows async calls overlap.

// Up to three guests are built in the browser per example (about 5 s each on an idle machine).
test.describe.configure({ timeout: 120_000 });

/** data-action of the timeline rows left after filtering by guest and text, top to bottom. */
async function timelineActions(page: Page, guest: string, text: string): Promise<string[]> {
  await page.getByTestId('tab-diagram').click();
  await page.getByTestId('diagram-filter-guest').selectOption(guest);
  await page.getByTestId('diagram-filter-text').fill(text);
  return page.getByTestId('timeline-row').evaluateAll((rows) =>
    rows
      .map((r) => ({ top: new DOMMatrix(getComputedStyle(r).transform).m42, action: r.getAttribute('data-action') ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((r) => r.action),
  );
}

test('the same counter in 0.2 and 0.3 counts one shared key', async ({ page }) => {
  await openApp(page, '?example=p3-counter');
  await page.getByTestId('run').click();
  // Both guests increment "visits" in one IndexedDB store: one of them sees 1, the other 2.
  await expect.poll(() => consoleText(page), { timeout: 45_000 }).toMatch(/counter\s[\s\S]*run\(\) → "?[12]"?/);
  await expect.poll(() => consoleText(page), { timeout: 45_000 }).toMatch(/counter-p3[\s\S]*run\(\) → "?[12]"?/);
  const text = await consoleText(page);
  expect(text).toMatch(/run\(\) → "?1"?/);
  expect(text).toMatch(/run\(\) → "?2"?/);
  // The 0.3 calls are traced when they start and when they end.
  const actions = await timelineActions(page, 'counter-p3', 'increment');
  expect(actions).toEqual(['call-start', 'call']);
});

test('three 0.3 requests are in flight at once, and a 0.2 asker talks to the 0.3 responder', async ({ page }) => {
  await openApp(page);
  await runExample(page, 'p3-request-reply');
  await expect.poll(() => consoleText(page), { timeout: 45_000 }).toMatch(/run\(\) → "APPLES PEARS PLUMS"/);
  // The 0.2 asker (wasi:messaging@0.2.0-draft) gets its reply from the 0.3 responder.
  await expect.poll(() => consoleText(page), { timeout: 45_000 }).toMatch(/reply: HELLO, WASI/);
  await expect.poll(() => consoleText(page)).toMatch(/responder-p3\s+replied HELLO, WASI/);
  await expect.poll(() => consoleText(page)).toMatch(/responder-p3\s+replied APPLES/);
  // All three requests started before the first one ended.
  const actions = (await timelineActions(page, 'asker-p3', 'request')).filter((a) => a === 'call-start' || a === 'call');
  expect(actions.slice(0, 3)).toEqual(['call-start', 'call-start', 'call-start']);
  expect(actions.filter((a) => a === 'call')).toHaveLength(3);
  await page.screenshot({ path: test.info().outputPath('requests-in-flight.png') });
});

test('a blob is copied through stream<u8> and the writer waits for the host', async ({ page }) => {
  await openApp(page);
  await runExample(page, 'p3-blob-stream');
  await expect.poll(() => consoleText(page), { timeout: 45_000 }).toMatch(/wrote 128 bytes, writer waited [1-9]\d*x; copied 96 bytes from offset 32 in \d+ reads/);
  // Every 16-byte step the host took from the guest's stream is in the trace.
  const steps = await timelineActions(page, 'copier-p3', 'stream-read');
  expect(steps.filter((a) => a === 'call').length).toBe(8 + 6);
});

test('an async handler gets the next messages while it awaits a request', async ({ page }) => {
  await openApp(page);
  await runExample(page, 'p3-handler-awaits');
  for (const topic of ['created', 'paid', 'shipped']) {
    await expect.poll(() => consoleText(page), { timeout: 45_000 }).toMatch(new RegExp(`order-desk-p3\\s+checked orders\\.${topic} -> \\{"ORDER":1001`));
  }
  // The host emits "deliver" as it starts a handler call and "ack" when the call ends. A 0.2
  // handler alternates deliver, ack, deliver, ack; here all three calls start before one ends.
  const actions = (await timelineActions(page, 'order-desk-p3', 'orders')).filter((a) => a === 'deliver' || a === 'ack');
  expect(actions).toEqual(['deliver', 'deliver', 'deliver', 'ack', 'ack', 'ack']);
  await page.screenshot({ path: test.info().outputPath('handler-overlap.png') });
});

test('a WASI 0.3 command prints through a stream<u8> and exits with the code its arguments ask for', async ({ page }) => {
  await openApp(page);
  // The example's Hosts-tab arguments are "command-p3 7": exit-with-code(7).
  await runExample(page, 'p3-command');
  await expect.poll(() => consoleText(page), { timeout: 45_000 }).toContain('hello from a WASI 0.3 command');
  await expect.poll(() => consoleText(page), { timeout: 45_000 }).toMatch(/exit code 7/);
  const text = await consoleText(page);
  expect(text).toContain('arg: command-p3');
  expect(text).toContain('arg: 7');
  // The program name alone: run returns ok, exit code 0.
  await page.getByTestId('tab-hosts').click();
  await page.getByTestId('hosts-args').fill('command-p3');
  await page.getByTestId('run').click();
  await page.getByTestId('tab-console').click();
  await expect.poll(() => consoleText(page), { timeout: 45_000 }).toMatch(/run\(\) → ok · exit code 0/);
});

test('the 2026 debates tab loads the 0.2 and the 0.3 example of a question, one after the other', async ({ page }) => {
  // Start elsewhere: the example already loaded has its button disabled.
  await openApp(page, '?example=kv-bucket-walk&panel=debates-2026');
  const topic = page.locator('[data-testid=debate][data-topic=sync-async]');
  await expect(topic).toContainText('proposal:keyvalue-p3');
  await topic.locator('[data-testid=debate-example][data-example=kv-counter]').click();
  await expect(page.getByTestId('example-picker')).toHaveValue('kv-counter');
  await page.getByTestId('run').click();
  await page.getByTestId('tab-console').click();
  await expect.poll(() => consoleText(page), { timeout: 45_000 }).toMatch(/run\(\) → "?1"?/);
  await page.getByTestId('tab-debates-2026').click();
  await page.locator('[data-testid=debate][data-topic=sync-async] [data-testid=debate-example][data-example=p3-counter]').click();
  await expect(page.getByTestId('example-picker')).toHaveValue('p3-counter');
  await page.getByTestId('run').click();
  await page.getByTestId('tab-console').click();
  // The same key again: the 0.2 and the 0.3 counter of this example make it 2 and 3.
  await expect.poll(() => consoleText(page), { timeout: 45_000 }).toMatch(/run\(\) → "?3"?/);
});

test('the 0.3 example guests ship as prebuilt components: one is downloaded, opened and run', async ({ page }) => {
  await openApp(page, '?panel=debates-2026');
  const list = page.getByTestId('prebuilt-component');
  // One per WAT guest in src/examples/p3, built with the site.
  const wats = readdirSync(new URL('../src/examples/p3/', import.meta.url)).filter((f) => f.endsWith('.wat'));
  await expect(list).toHaveCount(wats.length);
  const downloading = page.waitForEvent('download');
  await list.locator('a', { hasText: 'command-p3.wasm' }).click();
  const file = await (await downloading).path();
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('\0asm');
  await page.getByTestId('open-component-input').setInputFiles({ name: 'command-p3.wasm', mimeType: 'application/wasm', buffer: bytes });
  await expect(page.getByTestId('component-info')).toContainText('wasi:cli/run@0.3.0 → run()', { timeout: 40_000 });
  await page.getByTestId('run').click();
  await page.getByTestId('tab-console').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toContain('run() → ok · exit code 0');
  expect(await consoleText(page)).toContain('hello from a WASI 0.3 command');
});
