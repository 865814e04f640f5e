import type { Browser, Page } from '@playwright/test';

/** Opens the engine harness page (bench/index.html) and waits for the toolchain. */
export async function openEngine(page: Page): Promise<void> {
  await page.goto('/bench/index.html');
  await page.waitForFunction(() => 'wcpEngine' in window);
  await page.evaluate(() => (window as unknown as { wcpEngine: { ready: Promise<number> } }).wcpEngine.ready);
}

/** A namespace no other test uses, so IndexedDB and channels start empty. */
export function freshNamespace(label: string): string {
  return `e2e-${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Two pages in two separate browser contexts: they share no IndexedDB and no
 * BroadcastChannel, so anything that crosses between them went through a server.
 */
export async function twoMachines(browser: Browser): Promise<[Page, Page, () => Promise<void>]> {
  const [ca, cb] = [await browser.newContext(), await browser.newContext()];
  const [a, b] = [await ca.newPage(), await cb.newPage()];
  return [a, b, async () => void (await Promise.all([ca.close(), cb.close()]))];
}
