import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';

/**
 * Trust decisions are the browser's, not a tab's. QA: each tab kept the decisions it read at
 * load and wrote that copy back whole, so a user who allowed host code in one tab and then
 * decided on other code in a second tab lost the first decision, and was asked again. Now
 * every decision is added to what is stored, and a tab hears the other tabs' decisions.
 */

/** Host code replacing the built-in key-value host: its counter answers `n`. */
const host = (n: number) => `// Host code ${n}: a key-value host whose counter answers ${n}.
export default {
  description: 'key-value ${n}',
  create() {
    class Bucket {}
    return { store: { Bucket, open: () => new Bucket() }, atomics: { increment: () => ${n}n } };
  },
};
`;

/** A share link as Share → Copy link writes it: the kv-counter example plus host code `n`. */
const link = (n: number) => `/#w1.${deflateRawSync(Buffer.from(JSON.stringify({ e: 'kv-counter', h: { 'wasi:keyvalue@0.2.0-draft2': host(n) } }))).toString('base64url')}`;

const prompt = (page: Page) => page.getByTestId('trust-prompt');
const badge = (page: Page) => page.getByTestId('host-code-badge');

async function openAsked(page: Page, n: number): Promise<void> {
  await page.goto(link(n));
  await expect(prompt(page)).toBeVisible({ timeout: 30_000 });
  await expect(prompt(page).getByTestId('trust-code')).toContainText(`Host code ${n}:`);
}

test('host code allowed in one tab stays allowed after a decision in another tab', async ({ page, context }) => {
  test.setTimeout(120_000);
  // Three tabs open before any decision: two on the first link, one on the second.
  await openAsked(page, 111);
  const second = await context.newPage();
  await openAsked(second, 222);
  const sameLink = await context.newPage();
  await openAsked(sameLink, 111);

  await page.getByTestId('trust-accept').click();
  await expect(badge(page)).toContainText('accepted, sandboxed');
  // The other tab showing the same code hears the decision: no second question.
  await expect(prompt(sameLink)).toBeHidden();
  await expect(badge(sameLink)).toContainText('accepted, sandboxed');

  // The second tab decides on its own code; it used to write its stale copy over the first decision.
  await second.getByTestId('trust-accept').click();
  await expect(badge(second)).toContainText('accepted, sandboxed');

  // Opened again, both links run without asking.
  for (const n of [111, 222]) {
    const again = await context.newPage();
    await again.goto(link(n));
    await expect(badge(again)).toContainText('accepted, sandboxed', { timeout: 30_000 });
    await expect(prompt(again)).toHaveCount(0);
    await again.close();
  }
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('wcp.trustedHostCode') ?? 'null') as { version: number; entries: { how: string }[] });
  expect(stored.version).toBe(2);
  expect(stored.entries.map((e) => e.how)).toEqual(['accepted', 'accepted']);
});
