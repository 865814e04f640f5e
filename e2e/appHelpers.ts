import { expect, type Page } from '@playwright/test';

/** Opens the app and waits until the example picker is there. */
export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.getByTestId('example-picker')).toBeVisible();
}

/** Picks an example and runs it with the Run button. */
export async function runExample(page: Page, id: string): Promise<void> {
  await page.getByTestId('example-picker').selectOption(id);
  await page.getByTestId('run').click();
}

/** Switches both editors to plain textareas (Monaco mangles synthetic typing). */
export async function usePlainEditors(page: Page): Promise<void> {
  await page.getByTestId('settings').click();
  const box = page.getByTestId('plain-editor');
  if (!(await box.isChecked())) await box.check();
  await page.getByTestId('settings').click();
}

/** Opens the blank WAT workspace with plain editors holding `wit` and `wat`: a guest given whole, not typed. */
export async function openScratchWith(page: Page, wit: string, wat: string): Promise<void> {
  await openApp(page);
  await page.getByTestId('example-picker').selectOption('scratch');
  await usePlainEditors(page);
  await page.getByTestId('wit-editor').locator('textarea').fill(wit);
  await page.getByTestId('guest-editor').locator('textarea').fill(wat);
}

/** All console text, joined by newlines. */
export async function consoleText(page: Page): Promise<string> {
  return (await page.getByTestId('console-line').allInnerTexts()).join('\n');
}

/** Reads a stored value from the playground's key-value database (namespace "wcp"). */
export async function storedText(page: Page, bucket: string, key: string): Promise<string | undefined> {
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

/**
 * Settings → Hosts run on: a NATS server at `ws`, then waits for the header to say it is
 * connected. A loaded machine may need more than the default 5 s to instantiate: the time
 * limit becomes `timeLimitMs`.
 */
export async function chooseNatsBackend(page: Page, ws: string, timeLimitMs = 30_000): Promise<void> {
  await page.getByTestId('settings').click();
  await page.getByTestId('nats-server').fill(ws);
  await page.getByTestId('backend-nats').check();
  await page.getByTestId('settings').click();
  await page.getByTestId('time-limit').fill(String(timeLimitMs));
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-state', 'connected');
}
