import { expect, test } from '@playwright/test';
import { consoleText, openApp, runExample } from './appHelpers';

// Each example, picked and run through the UI as a new user would, and what it must print.
const expectations: { id: string; lines: RegExp[] }[] = [
  // s64 and u64 results print as numbers, as WIT and Rust show them: `1`, never `"1"`.
  { id: 'kv-counter', lines: [/run\(\) → 1 {2}\(/] },
  { id: 'kv-counter-draft', lines: [/run\(\) → 1 {2}\(/] },
  { id: 'kv-bucket-walk', lines: [/run\(\) → \[250,\s*3,\s*8\]/] },
  { id: 'kv-cas-swap', lines: [/cas\.new: the handle saw price = 100/, /swap\(110\) failed: cas-failed/, /the fresh handle sees price = 120/, /swap\(130\) succeeded/, /run\(\) → 2/] },
  {
    id: 'kv-watcher',
    lines: [/stock-watch\s+on-set apples = 40\n/, /on-set apples = 5 {2}\(low stock!\)/, /on-set figs = 7 {2}\(low stock!\)/, /on-set plums = 18\n/, /on-delete pears/, /run\(\) → 5 {2}\(/],
  },
  { id: 'msg-fan-out', lines: [/all-orders\s+orders\.created/, /payments\s+orders\.paid/, /run\(\) → 3/] },
  { id: 'msg-work-queue', lines: [/queued job-6/, /run\(\) → 6/] },
  { id: 'msg-request-reply', lines: [/reply: HELLO, WASI/, /request to nobody\.home failed: timeout/] },
  { id: 'msg-two-tabs', lines: [/speaker #1 said hello/, /listener\s+chat\.lobby: hello from speaker #1/] },
  { id: 'blob-range-read', lines: [/get-data\(greeting\.txt, 6, 10\) = "world"/, /past the end of object/] },
];

for (const { id, lines } of expectations) {
  test(`run example ${id} and see its output`, async ({ page }) => {
    await openApp(page);
    await runExample(page, id);
    for (const line of lines) await expect.poll(() => consoleText(page), { timeout: 20_000 }).toMatch(line);
    // Every run leaves host calls in the trace.
    await page.getByTestId('tab-trace').click();
    await expect(page.getByTestId('trace-row').first()).toBeVisible();
  });
}

test('the counter keeps counting across runs because IndexedDB keeps the value', async ({ page }) => {
  await openApp(page);
  await runExample(page, 'kv-counter');
  await expect.poll(() => consoleText(page)).toMatch(/run\(\) → 1 {2}\(/);
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page)).toMatch(/run\(\) → 2 {2}\(/);
  await page.reload();
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page)).toMatch(/run\(\) → 3 {2}\(/);
});

test('a long example description shows two lines, unfolds with "more" and folds with "less"', async ({ page }) => {
  await openApp(page, '?example=proposal-delivery-guarantees');
  const text = page.getByTestId('example-description');
  const folded = (await text.boundingBox())!.height;
  await page.getByTestId('description-toggle').click();
  await expect(page.getByTestId('description-toggle')).toHaveText('less');
  expect((await text.boundingBox())!.height).toBeGreaterThan(folded * 2);
  await page.getByTestId('description-toggle').click();
  expect((await text.boundingBox())!.height).toBeCloseTo(folded, 0);
  // A short description has nothing to unfold.
  await page.getByTestId('example-picker').selectOption('kv-counter');
  await expect(page.getByTestId('description-toggle')).toHaveCount(0);
});
