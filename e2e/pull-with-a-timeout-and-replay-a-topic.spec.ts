import { expect, test } from '@playwright/test';
import { consoleText, openApp, runExample } from './appHelpers';

test('receive with a timeout, then replay a topic from offset 0', async ({ page }) => {
  await openApp(page);
  await runExample(page, 'proposal-pull-and-replay');
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toMatch(/replayed \d+ readings/);
  const text = await consoleText(page);
  // Live subscription: nothing before it existed, its own message, then a timeout.
  expect(text).toMatch(/receive\(250 ms\) → none \(timed out\)[\s\S]*receive\(250 ms\) → some: 22\.4 °C \(dashboard self-test\)[\s\S]*receive\(250 ms\) → none \(timed out\)/);
  // Replay from offset 0 finds the sensor's readings although its worker is gone.
  expect(text).toMatch(/offset 0: 21\.5 °C/);
  expect(text).toMatch(/offset 1: 21\.7 °C/);
  expect(text).toMatch(/offset 2: 22\.0 °C/);
  expect(text).toMatch(/offset 3: 22\.4 °C \(dashboard self-test\)/);
  expect(text).toMatch(/replayed 4 readings/);
});
