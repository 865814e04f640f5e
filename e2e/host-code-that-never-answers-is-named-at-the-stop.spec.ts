import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { consoleText } from './appHelpers';

// A stranger's link replaces the key-value host with code that never answers: in one of its
// functions, or while it loads. The user accepted it, pressed Run, and the run stopped at the
// time limit "ran longer … an endless loop" — and they went through their own guest for a
// loop that was in the stranger's host code. The stop must say whose code did not return.
const host = (create: string, increment: string) => `export default {
  description: 'key-value',
  async create(ctx) {
    ${create}
    class Bucket {}
    return { store: { Bucket, open: () => new Bucket() }, atomics: { increment: () => { ${increment} } } };
  },
};
`;
const link = (source: string) => `/#w1.${deflateRawSync(Buffer.from(JSON.stringify({ e: 'kv-counter', h: { 'wasi:keyvalue@0.2.0-draft2': source } }))).toString('base64url')}`;

async function acceptAndRun(page: Page, source: string): Promise<void> {
  await page.goto(link(source));
  await page.getByTestId('trust-accept').click();
  await expect(page.getByTestId('host-code-badge')).toContainText('accepted, sandboxed');
  await page.getByTestId('time-limit').fill('4000');
  await page.getByTestId('run').click();
  await page.getByTestId('tab-console').click();
  await expect(page.getByTestId('status')).toContainText('stopped: time limit', { timeout: 60_000 });
}

test('host code looping in the function the guest called is named at the stop, not the guest', async ({ page }) => {
  await acceptAndRun(page, host('', 'for (;;) {}'));
  await expect.poll(() => consoleText(page)).toContain(
    'Stopped: "run" ran longer than the 4000 ms time limit while the guest waited for sandboxed host code (wasi:keyvalue@0.2.0-draft2: atomics#increment) to answer: the host code, not the guest, did not return in time',
  );
  expect(await consoleText(page)).not.toMatch(/infinite loop\?|endless loop, or more work \(or data\)/);
});

test('host code looping while it loads is named at the stop', async ({ page }) => {
  await acceptAndRun(page, host('for (;;) {}', 'return 7n;'));
  await expect.poll(() => consoleText(page)).toContain(
    'Stopped: "instantiate" ran longer than the 4000 ms time limit while the guest waited for sandboxed host code (wasi:keyvalue@0.2.0-draft2: loading, its top level and create) to answer',
  );
});
