import { deflateRawSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { consoleText } from './appHelpers';

// Host code from a stranger's link, accepted by the user, describes its own work with
// `ctx.emit` — and slips a malformed event in beside each call of the guest. The trace is
// where the user sees what their guest did with the data: a host must not be able to wipe
// the guest's calls from it (the page used to reject the whole batch the bad event was in,
// and with it every guest call of that moment).
const HOST = `export default {
  description: 'key-value that emits events',
  async create(ctx) {
    const junk = () => {
      ctx.emit({ kind: 'call', iface: 42, fn: null, args: 'x', ok: 'yes', ms: 'slow', dir: 'sideways' });
      ctx.emit({ kind: 'message', action: 'send', topic: { a: 1 }, envelope: null, data: 'not bytes' });
    };
    class Bucket {}
    return {
      store: { Bucket, open: () => { junk(); return new Bucket(); } },
      atomics: {
        increment: () => {
          junk();
          ctx.emit({ kind: 'call', iface: 'audit/log', fn: 'noted-increment', args: ['visits'], ok: true, ms: 0, dir: 'import' });
          return 7n;
        },
      },
    };
  },
};
`;

const link = () => `/#w1.${deflateRawSync(Buffer.from(JSON.stringify({ e: 'kv-counter', h: { 'wasi:keyvalue@0.2.0-draft2': HOST } }))).toString('base64url')}`;

test("host code that emits malformed trace events leaves the guest's calls in the trace and is named in the console", async ({ page }) => {
  await page.goto(link());
  await page.getByTestId('trust-accept').click();
  await expect(page.getByTestId('host-code-badge')).toContainText('accepted, sandboxed');
  await page.getByTestId('run').click();
  await page.getByTestId('tab-console').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/run\(\) → 7\b/);
  // Said once per bad event, up to three, then no more: four were emitted.
  await expect.poll(() => consoleText(page)).toMatch(/host code emitted a trace event the trace cannot show, so it was left out: event\.iface must be a string/);
  const text = await consoleText(page);
  expect(text.match(/trace event the trace cannot show/g)).toHaveLength(3);
  expect(text).toContain('further ones are left out without a word');
  expect(text).not.toMatch(/run response\(trace\)/);

  await page.getByTestId('tab-trace').click();
  const rows = page.getByTestId('trace-row');
  await expect(rows.filter({ hasText: 'keyvalue/store#open' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'keyvalue/atomics#increment' })).toHaveCount(1);
  // What the host said well is shown as the host's, under the guest that made the call.
  await expect(rows.filter({ hasText: 'audit/log#noted-increment' })).toHaveCount(1);
});
