import { expect, test, type Page } from '@playwright/test';
import { consoleText, openApp, runExample } from './appHelpers';

const traceCount = async (page: Page) => Number((await page.getByTestId('trace-count').innerText()).match(/^(\d+)/)?.[1] ?? NaN);
const messageEdgeCounts = (page: Page) => page.locator('[data-testid="diagram-edge"][data-family="message"]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-from')}→${e.getAttribute('data-to')} ×${e.getAttribute('data-count')}`).sort());
const firstTime = async (page: Page) => Number((await page.locator('[data-testid="trace-row"] .tc-time').first().innerText()).replace('+', ''));

test('each Run gets its own trace, diagram and timeline; the previous run can be reopened and compared', async ({ page }) => {
  await openApp(page);
  await runExample(page, 'msg-fan-out');
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/run\(\) → 3/);

  await page.getByTestId('tab-diagram').click();
  // Three orders, each delivered once per matching subscription: every message arrow ×1.
  await expect.poll(() => messageEdgeCounts(page)).toContain('guest:order-service→topic:orders.paid ×1');
  const firstEdges = await messageEdgeCounts(page);
  expect(firstEdges.length).toBeGreaterThanOrEqual(6);
  for (const e of firstEdges) expect(e).toMatch(/×1$/);
  await page.getByTestId('tab-trace').click();
  await expect.poll(() => traceCount(page)).toBeGreaterThan(10);
  const firstCount = await traceCount(page);
  // Times count from the run's start, not from the page's first event.
  expect(await firstTime(page)).toBeLessThan(60);

  // Second run: a fresh view with the same story, not the first one doubled.
  await page.getByTestId('run').click();
  await expect(page.getByTestId('run-picker').locator('option')).toHaveCount(2);
  await expect(page.getByTestId('run-picker').locator('option:checked')).toHaveText(/^Run 2 · .* Pub\/sub fan-out .*\(latest\)$/);
  await page.getByTestId('tab-console').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/run\(\) → 3/);
  await page.getByTestId('tab-trace').click();
  await expect.poll(() => traceCount(page)).toBe(firstCount);
  await page.getByTestId('tab-diagram').click();
  await expect.poll(() => messageEdgeCounts(page)).toEqual(firstEdges);
  await page.screenshot({ path: test.info().outputPath('second-run.png') });

  // Reopen the first run: its own events, and a way back to the latest.
  const runOneId = await page.getByTestId('run-picker').locator('option', { hasText: /^Run 1 ·/ }).getAttribute('value');
  await page.getByTestId('run-picker').selectOption(runOneId!);
  await expect(page.getByTestId('run-latest')).toBeVisible();
  await expect.poll(() => messageEdgeCounts(page)).toEqual(firstEdges);
  await page.getByTestId('tab-trace').click();
  expect(await traceCount(page)).toBe(firstCount);

  // Compare Run 1 with Run 2 (shown: the latest; previous: Run 1): the same arrows, ×1 each.
  await page.getByTestId('run-latest').click();
  await page.getByTestId('run-compare').click();
  const rows = page.locator('[data-testid="run-compare-row"][data-family="message"]');
  await expect(rows).toHaveCount(firstEdges.length);
  for (const text of await rows.allInnerTexts()) expect(text.replace(/\s+/g, ' ')).toMatch(/×1 ×1$/);
  await page.screenshot({ path: test.info().outputPath('compare.png') });
});

test('compare one example under two fault settings: what the faults lost shows per arrow', async ({ page }) => {
  await openApp(page);
  await runExample(page, 'proposal-delivery-guarantees');
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/exactly-once\s+lost: none/);
  // Same example, the producer's network faults off.
  await page.getByTestId('tab-faults').click();
  await page.getByTestId('fault-scope').selectOption('producer');
  await page.getByTestId('fault-mode').selectOption('off');
  await page.getByTestId('run').click();
  await page.getByTestId('tab-console').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/at-least-once\s+lost: none · twice or more: none/);

  await page.getByTestId('tab-diagram').click();
  // The consumers keep their call faults; only the producer's network faults are gone.
  await expect(page.getByTestId('run-picker').locator('option:checked')).toContainText('Run 2');
  await expect(page.getByTestId('run-picker').locator('option:checked')).not.toContainText('producer:');
  await page.getByTestId('run-compare').click();
  const view = page.getByTestId('run-compare-view');
  await expect(view).toContainText('producer: drop 20%');
  // The producer's sends: some dropped under faults (✗), none without.
  const sends = page.locator('[data-testid="run-compare-row"][data-family="message"][data-from="guest:producer"]').first();
  await expect(sends).toHaveClass(/differs/);
  await expect(sends).toContainText('✗');
  await page.screenshot({ path: test.info().outputPath('compare-faults.png') });
});
