import { expect, test } from '@playwright/test';
import { consoleText, openApp, runExample } from './appHelpers';

test('everything comes from the site itself: Monaco, the toolchain and the JS engine load with no other host reachable', async ({ page, context }) => {
  test.setTimeout(120_000);
  const foreign: string[] = [];
  // Anything not served by the preview server fails, as on a machine without a network.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === 'localhost' || url.protocol === 'blob:' || url.protocol === 'data:') return route.continue();
    foreign.push(url.href);
    return route.abort('internetdisconnected');
  });
  await openApp(page);
  await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 30_000 });
  await runExample(page, 'kv-counter');
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toMatch(/run\(\) → "?1"?/);
  // A JavaScript guest: the componentize-js engine and the splicer are fetched on demand.
  await runExample(page, 'js-kv-counter');
  await expect.poll(() => consoleText(page), { timeout: 90_000 }).toMatch(/visit number 2/);
  expect(foreign).toEqual([]);
});
