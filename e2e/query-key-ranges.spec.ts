import { expect, test } from '@playwright/test';
import { consoleText, openApp, runExample } from './appHelpers';

test('query key ranges: a row by prefix, everything later than X, intervals, delete-range', async ({ page }) => {
  await openApp(page);
  await runExample(page, 'proposal-kv-ranges');
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toMatch(/run\(\) → 8/);
  const text = await consoleText(page);
  expect(text).toMatch(/stored 11 keys/);
  // Row 42, sorted by key.
  expect(text).toMatch(/user:42:email = grace@navy\.example\s+user:42:name = Grace\s+user:42:rank = rear admiral/);
  expect(text).toMatch(/count-range\(prefix\("user:"\)\) = 6 cells/);
  // from(10:00) runs to the end of the bucket: past the log into the user:* keys.
  expect(text).toMatch(/no end bound:\s+log:2022-12-01T10:00:00Z\s+log:2022-12-01T10:20:00Z\s+log:2022-12-01T10:45:00Z\s+log:2022-12-02T08:00:00Z\s+user:41:name/);
  // Bounded by the prefix's successor "log;" it stays in the log table.
  expect(text).toMatch(/stay in the log table:\s+log:2022-12-01T10:00:00Z\s+log:2022-12-01T10:20:00Z\s+log:2022-12-01T10:45:00Z\s+log:2022-12-02T08:00:00Z\s+get-range/);
  expect(text).not.toMatch(/^\s*log:2022-12-01T09:30:00Z\s*$/m);
  expect(text).toMatch(/count-range\(inclusive\(10:00, 10:45\)\) = 3/);
  expect(text).toMatch(/3 cells left in the users table/);
});
