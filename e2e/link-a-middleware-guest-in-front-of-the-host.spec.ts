import { expect, test, type Page } from '@playwright/test';
import { consoleText, openApp, runExample } from './appHelpers';

/** Reads a stored value from the playground's key-value database (namespace "wcp"). */
async function storedText(page: Page, bucket: string, key: string): Promise<string | undefined> {
  return page.evaluate(
    ([b, k]) =>
      new Promise<string | undefined>((resolve, reject) => {
        const open = indexedDB.open('wcp-kv');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('entries').objectStore('entries').get([b, k]);
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result === undefined ? undefined : new TextDecoder().decode(req.result as Uint8Array));
          };
        };
      }),
    [bucket, key] as const,
  );
}

/** Trace rows as "guest | what | detail". */
async function traceRows(page: Page): Promise<string[]> {
  return page.getByTestId('trace-row').evaluateAll((rows) =>
    rows.map((r) => ['.tc-guest', '.tc-what', '.tc-detail'].map((c) => r.querySelector(c)?.textContent?.trim() ?? '').join(' | ')),
  );
}

test('a key-value middleware guest sits between a guest and the host; the stored value and the trace prove the call went through it', async ({ page }) => {
  await openApp(page);
  await runExample(page, 'kv-namespace-middleware');
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toContain('run() → "hello"');
  const text = await consoleText(page);
  expect(text).toContain('wasi:keyvalue/store@0.2.0-draft2 is served by guest kv-namespace');
  expect(text).toContain('not started on its own: it only serves notes');

  // The middleware rewrote the key on its way to IndexedDB.
  expect(await storedText(page, 'notes', 'tenant-a/greeting')).toBe('hello');
  expect(await storedText(page, 'notes', 'greeting')).toBeUndefined();

  // The trace: notes calls kv-namespace with "greeting"; kv-namespace calls the host with the prefixed key.
  await page.getByTestId('tab-trace').click();
  await expect.poll(async () => (await traceRows(page)).filter((r) => r.includes('list-keys')).length, { timeout: 10_000 }).toBe(2);
  const rows = await traceRows(page);
  const set = rows.filter((r) => r.includes('[method]bucket.set'));
  expect(set).toHaveLength(2);
  expect(set.find((r) => r.startsWith('notes |'))).toMatch(/store#\[method\]bucket\.set → kv-namespace \| \("greeting", .*hello/);
  expect(set.find((r) => r.startsWith('kv-namespace |'))).toMatch(/store#\[method\]bucket\.set \| \("tenant-a\/greeting", .*hello/);
  // list-keys: the host holds the prefixed key, the caller sees its own name for it.
  expect(rows.find((r) => r.startsWith('kv-namespace |') && r.includes('list-keys'))).toContain('tenant-a/greeting');
  const seen = rows.find((r) => r.startsWith('notes |') && r.includes('list-keys'))!;
  expect(seen).toContain('"greeting"');
  expect(seen).not.toContain('tenant-a/');

  // The diagram draws the chain notes → kv-namespace → store "notes" (open, set, list-keys, get), the middleware in the middle column.
  await page.getByTestId('tab-diagram').click();
  const edge = (from: string, to: string) => page.locator(`[data-testid="diagram-edge"][data-from="${from}"][data-to="${to}"]`);
  await expect(edge('guest:notes', 'guest:kv-namespace')).toHaveAttribute('data-count', '4');
  await expect(edge('guest:kv-namespace', 'store:notes')).toHaveCount(1);
  await expect(page.locator('[data-testid="diagram-node"][data-kind="guest"][data-name="kv-namespace"]')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('diagram.png') });
});
