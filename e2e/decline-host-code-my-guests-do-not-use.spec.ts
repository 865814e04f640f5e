import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { consoleText } from './appHelpers';

// A stranger's link carries host code for proposal:kv-ttl, a package the playground has no
// host for. Declining it used to block Run even when no guest of the workspace imports
// that package ("Not run: you did not accept the host code …"): nothing needs it, so Run
// goes on. When a guest does import it, Run still refuses and says which guest needs what.
const HOST = readFileSync('src/examples/proposals/kvTtlHost.js', 'utf8');
const TTL_GUEST = { n: 'ttl', l: 'wat', w: readFileSync('src/examples/proposals/kvTtl.wit', 'utf8'), s: readFileSync('src/examples/proposals/kvTtl.wat', 'utf8'), c: 'run' };
const link = (guests?: unknown[]) => `/#w1.${deflateRawSync(Buffer.from(JSON.stringify({ e: 'kv-counter', ...(guests ? { g: guests } : {}), h: { 'proposal:kv-ttl@0.1.0': HOST } }))).toString('base64url')}`;

test.use({ viewport: { width: 1024, height: 768 } });

async function decline(page: Page): Promise<void> {
  const prompt = page.getByTestId('trust-prompt');
  await expect(prompt).toBeVisible();
  await expect(prompt.getByTestId('trust-item')).toContainText('serves proposal:kv-ttl@0.1.0');
  await page.getByTestId('trust-decline').click();
  await expect(prompt).toBeHidden();
  await expect(page.getByTestId('host-code-badge')).toContainText('(off)');
}

async function run(page: Page): Promise<void> {
  await page.getByTestId('run').click();
  await page.getByTestId('tab-console').click();
}

test('declined host code for a package no guest imports leaves Run alone', async ({ page }) => {
  await page.goto(link());
  // The prompt says nothing in this workspace uses the code.
  await expect(page.getByTestId('trust-item')).toContainText('no guest here imports it');
  await page.screenshot({ path: 'test-results/declined-unused-prompt.png' });
  await decline(page);
  await run(page);
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/run\(\) → 1\b/);
  await expect(page.getByTestId('notice').filter({ hasText: 'Not run' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/declined-unused-ran.png' });
});

test('declined host code a guest imports still stops Run, naming the guest and the package', async ({ page }) => {
  await page.goto(link([0, TTL_GUEST]));
  await expect(page.getByTestId('trust-item')).toContainText('interfaces testing, ttl');
  await decline(page);
  await run(page);
  const refusal = page.getByTestId('notice').filter({ hasText: 'Not run' });
  await expect(refusal).toContainText('Not run: guest ttl imports proposal:kv-ttl@0.1.0 (testing, ttl), whose host code you did not accept, and the playground has no built-in host for it.');
  await page.screenshot({ path: 'test-results/declined-used-refused.png' });
  // Nothing ran: not even the counter, which needs no such host.
  await page.waitForTimeout(1000);
  expect(await consoleText(page)).not.toMatch(/run\(\) →/);
  // Accepting it from the notice runs both guests.
  await refusal.getByRole('button', { name: 'Review host code' }).click();
  await page.getByTestId('trust-accept').click();
  await run(page);
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/\[kv-ttl host\] "session" expired/);
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/run\(\) → 1\b[\s\S]*run\(\) → 1\b/);
});
