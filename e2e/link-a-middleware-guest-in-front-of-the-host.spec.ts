import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { consoleText, openApp, runExample, storedText } from './appHelpers';

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

  // The Hosts tab explains who serves what.
  await page.getByTestId('tab-hosts').click();
  const card = (name: string) => page.locator(`[data-testid="hosts-guest"][data-name="${name}"]`);
  await expect(card('notes').getByTestId('guest-link-import')).toContainText('imports wasi:keyvalue/store@0.2.0-draft2 from guest kv-namespace');
  await expect(card('notes').locator('.hosts-imports code.linked')).toHaveText('wasi:keyvalue@0.2.0-draft2 ← kv-namespace');
  await expect(card('kv-namespace').getByTestId('guest-link-export')).toContainText('serves wasi:keyvalue/store@0.2.0-draft2 to guest notes');
  await expect(card('kv-namespace').getByTestId('guest-links')).toContainText('Run does not start it on its own');
  await page.screenshot({ path: test.info().outputPath('hosts.png') });

  // Typed into the real WIT editor: notes also imports atomics, which kv-namespace does not
  // serve. Its bucket would come from kv-namespace and atomics from the host: refused, named.
  await page.getByTestId('guest-tab').filter({ hasText: 'notes' }).click();
  const wit = page.getByTestId('wit-editor');
  await expect(wit.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  const lines = readFileSync(new URL('../src/examples/linked/notesApp.wit', import.meta.url), 'utf8').split('\n');
  const at = lines.findIndex((l) => l.includes('import wasi:keyvalue/store'));
  await wit.locator('.view-line').first().click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < at; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('import wasi:keyvalue/atomics@0.2.0-draft2;');
  await page.keyboard.press('Escape');
  await expect(card('notes').getByTestId('guest-links-error')).toContainText('notes imports wasi:keyvalue/store@0.2.0-draft2 from kv-namespace but wasi:keyvalue/atomics@0.2.0-draft2 from the host');
  await page.getByTestId('run').click();
  await page.getByTestId('tab-console').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toContain('must come from one place');
  expect(await consoleText(page)).not.toContain('run() →');
});
