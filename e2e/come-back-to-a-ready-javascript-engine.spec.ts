import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { consoleText } from './appHelpers';

// A student builds a JavaScript guest once (the engine downloads, the world is spliced), closes
// the tab and comes back: the first Run of the returning visit — with code typed since — reads the
// engine and the last build kept in this browser instead of downloading and splicing again. Kept
// in Cache Storage where the origin has it (https, localhost), in IndexedDB where it does not:
// served over plain http by a LAN name, as in a classroom.
const HOST = 'playground.test';
let browser: Browser;

test.beforeAll(async ({}, info) => {
  const base = info.project.use.launchOptions ?? {};
  browser = await chromium.launch({ ...base, args: [...(base.args ?? []), `--host-resolver-rules=MAP ${HOST} 127.0.0.1`] });
});
test.afterAll(async () => browser?.close());

/** Parts the build worker kept in Cache Storage: `wasm` + `json` per splice, `build` per build. */
const cachedParts = (page: Page) =>
  page.evaluate(async () => {
    const parts: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.startsWith('wcp-engine-')) continue;
      for (const r of await (await caches.open(name)).keys()) parts.push(r.url.slice(r.url.lastIndexOf('.') + 1));
    }
    return parts.sort();
  });

/** Keys the build worker kept in the IndexedDB engine cache (splices and builds). */
const cachedKeys = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('wcp-engine-cache');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('meta')) return resolve([]);
          const keys = db.transaction('meta').objectStore('meta').getAllKeys();
          keys.onsuccess = () => resolve((keys.result as string[]).map((k) => k.split(':')[0]!));
        };
        open.onerror = () => resolve([]);
      }),
  );

async function comeBack(host: string, port: string, secure: boolean) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const url = `http://${host}:${port}/?example=js-kv-counter`;

  const first = await context.newPage();
  await first.goto(url);
  expect(await first.evaluate(() => ({ secure: window.isSecureContext, caches: typeof caches }))).toEqual({ secure, caches: secure ? 'object' : 'undefined' });
  await first.getByTestId('run').click();
  await expect.poll(() => consoleText(first), { timeout: 180_000 }).toMatch(/run\(\) → "?1"?/);
  // A full build: the engine was downloaded and spliced (while the example opened), then wrapped and transpiled.
  expect(await consoleText(first)).toMatch(/transpiling for the browser/);
  // The splice and the full build are written after the build is shown; the console says when
  // they are kept (closing the tab earlier would lose them). Then both are really there.
  await expect(first.getByTestId('engine-saving')).toContainText(/Kept for your next visit \(\d+\.\d MB\)/, { timeout: 60_000 });
  if (secure) {
    await expect.poll(() => cachedParts(first), { timeout: 60_000 }).toEqual(['build', 'json', 'wasm']);
    expect(await cachedKeys(first)).toEqual([]);
  } else await expect.poll(() => cachedKeys(first).then((k) => k.sort()), { timeout: 60_000 }).toEqual(['build', 'splice']);
  await first.close();

  const back = await context.newPage();
  await back.goto(url);
  const guest = back.getByTestId('guest-editor');
  await expect(guest.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  // Type a new line after `console.log(...)` with the keyboard (line 11 of the shipped counter).
  await guest.locator('.view-line').first().click({ position: { x: 4, y: 4 } });
  await back.keyboard.press('Control+Home');
  for (let i = 0; i < 10; i++) await back.keyboard.press('ArrowDown');
  await back.keyboard.press('End');
  await back.keyboard.press('Enter');
  await back.keyboard.type("console.log('back again');");
  await back.keyboard.press('Escape');
  await back.getByTestId('run').click();
  await expect.poll(() => consoleText(back), { timeout: 120_000 }).toMatch(/run\(\) → "?2"?/);
  const text = await consoleText(back);
  expect(text).toMatch(/back again/);
  // The first build of this page patched the build kept from the last visit: nothing was
  // wrapped or transpiled again (the splice was read back while the example opened).
  expect(text).toMatch(/patching the previous build/);
  expect(text).not.toMatch(/wrapping the component|transpiling for the browser|downloading the JavaScript engine/);
  await context.close();
}

test('a returning visit builds JavaScript from the engine kept in the browser, on plain http', async ({}, info) => {
  test.setTimeout(300_000);
  await comeBack(HOST, new URL(info.project.use.baseURL!).port, false);
});

test('on localhost (Cache Storage) the engine and the build are kept there and read back', async ({}, info) => {
  test.setTimeout(300_000);
  await comeBack('localhost', new URL(info.project.use.baseURL!).port, true);
});
