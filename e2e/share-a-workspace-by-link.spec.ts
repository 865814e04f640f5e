import { expect, test, type Page } from '@playwright/test';
import { consoleText, openApp, usePlainEditors } from './appHelpers';
import { mangleCodeOfShareLink } from './mangleShareLink';

// The scratch guest returns 1 + 2; the shared edit makes it return 40 + 2.
const EDITED = `(module
  (func (export "run") (result i32)
    i32.const 40
    i32.const 2
    i32.add))
`;

const guestSource = (page: Page) => page.getByTestId('guest-editor').locator('textarea');

/** Opens the scratch workspace in plain editors and types `source` as the user's own edit. */
async function editScratch(page: Page, source: string): Promise<void> {
  await openApp(page);
  await page.getByTestId('example-picker').selectOption('scratch');
  await usePlainEditors(page);
  await guestSource(page).fill(source);
  // Autosave is debounced; the edit is stored once a reload shows it.
  await page.waitForTimeout(800);
  await page.reload();
  await expect(guestSource(page)).toHaveValue(source);
}

test('an edited WAT guest shared as a link opens in a new page with the same source and runs', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await editScratch(page, EDITED);

  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-link')).toHaveValue(/#w2\./);
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/#w2\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{6}$/);
  await expect(page.getByTestId('share-length')).toHaveText(`${link.length} characters`);
  await expect(page.getByTestId('share-status')).toHaveText('Copied to clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  const other = await context.newPage();
  await other.goto(link);
  await expect(guestSource(other)).toHaveValue(EDITED);
  await expect(other.getByTestId('notice').filter({ hasText: 'You opened a shared workspace' })).toBeVisible();
  await other.getByTestId('run').click();
  await expect.poll(() => consoleText(other), { timeout: 20_000 }).toMatch(/run\(\) → 42/);
});

test("editing a shared link's workspace never overwrites the user's own saved edits", async ({ page, context }) => {
  await editScratch(page, EDITED);
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-link')).toHaveValue(/#w2\./);
  const link = await page.getByTestId('share-link').inputValue();
  // The user keeps working on their own copy after sharing it.
  await page.keyboard.press('Escape');
  await guestSource(page).fill(EDITED.replace('i32.const 40', 'i32.const 7'));
  await page.waitForTimeout(800);

  const other = await context.newPage();
  await other.goto(link);
  await expect(guestSource(other)).toHaveValue(EDITED);
  await guestSource(other).fill(EDITED.replace('i32.const 40', 'i32.const 100'));
  // Once edited, the shared copy is its own saved workspace and the link leaves the address bar.
  await expect(other).toHaveURL(/\/$/);
  await other.getByTestId('workspaces').click();
  await expect(other.getByTestId('workspace-list')).toContainText('Shared: Scratch');

  await other.goto('/');
  await other.getByTestId('example-picker').selectOption('kv-counter');
  await other.getByTestId('example-picker').selectOption('scratch');
  await expect(guestSource(other)).toHaveValue(EDITED.replace('i32.const 40', 'i32.const 7'));
});

test('a corrupted link shows what is wrong and loads the saved workspace intact', async ({ page, context }) => {
  const mine = EDITED.replace('i32.const 40', 'i32.const 5').replace('(module\n', '(module\n  ;; MY STORED EDIT\n');
  await editScratch(page, mine);
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-link')).toHaveValue(/#w2\./);
  const link = await page.getByTestId('share-link').inputValue();
  // A link cut in half when pasted into a chat message.
  const damaged = link.replace(/#w2\.(.+)$/, (_, data: string) => `#w2.${data.slice(0, data.length >> 1)}`);
  expect(damaged).not.toBe(link);

  const other = await context.newPage();
  await other.goto(damaged);
  const notice = other.getByTestId('notice').filter({ hasText: 'This share link is damaged' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Your own workspace was loaded instead.');
  await expect(guestSource(other)).toHaveValue(mine);

  // Four characters mangled mid-link that still inflate to a valid workspace with other code
  // (`;; MY S4jvID EDIT`): only the link's check tells, and it is named as damage.
  const mangled = await context.newPage();
  await mangled.goto(mangleCodeOfShareLink(link));
  await expect(mangled.getByTestId('notice')).toContainText(/This share link is damaged: its data does not match its check.* Your own workspace was loaded instead\./);
  await expect(guestSource(mangled)).toHaveValue(mine);

  // A link from a future version says so instead of failing obscurely.
  const future = await context.newPage();
  await future.goto('/#w9.AAAA');
  await expect(future.getByTestId('notice')).toContainText(/can't be opened here: .*format version 9.*Reload the page/);
  await expect(guestSource(future)).toHaveValue(mine);

  // A link whose "#w2." itself was changed on the way (capitalised by a chat app, another
  // letter, a lost dot) matches no format: said so, instead of the user's own workspace
  // shown without a word as if it were what they were sent.
  const data = link.slice(link.indexOf('#w2.') + 4);
  for (const prefix of ['#W2.', '#x2.', '#w2']) {
    const page = await context.newPage();
    await page.goto(`/${prefix}${data}`);
    await expect(page.getByTestId('notice')).toContainText(/This share link can't be opened here: Its address does not start the way this playground's links do .*newer version.*cut or changed on its way here\. Your own workspace was loaded instead\./);
    await expect(guestSource(page)).toHaveValue(mine);
    await page.close();
  }
  // A plain page anchor is no link: no notice.
  const anchor = await context.newPage();
  await anchor.goto('/#top');
  await expect(guestSource(anchor)).toHaveValue(mine);
  await expect(anchor.getByTestId('notice').filter({ hasText: 'share link' })).toHaveCount(0);
  await anchor.close();

  // Nothing stored was touched.
  await future.goto('/');
  await expect(guestSource(future)).toHaveValue(mine);
  await future.getByTestId('run').click();
  await expect.poll(() => consoleText(future), { timeout: 20_000 }).toMatch(/run\(\) → 7/);
});

test('a workspace exported as a file imports as a separate workspace; a bad file is explained', async ({ page }) => {
  await editScratch(page, EDITED);
  await page.getByTestId('share').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-workspace').click();
  const file = await (await download).path();

  await guestSource(page).fill('(module)');
  await page.getByTestId('share').click();
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(guestSource(page)).toHaveValue(EDITED);

  await page.getByTestId('share').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(page.getByTestId('notice').filter({ hasText: 'Could not import "notes.json"' })).toContainText('not a WASI Cloud Playground workspace');
  await expect(guestSource(page)).toHaveValue(EDITED);
});

test('a link opens on the guest tab its sender was editing, with the edit typed into Monaco', async ({ page, context }) => {
  await openApp(page, '?example=msg-fan-out');
  const tabs = page.getByTestId('guest-tab');
  await expect(tabs).toHaveCount(3);
  await tabs.nth(2).click();
  await expect(tabs.nth(2)).toHaveAttribute('aria-selected', 'true');
  const editor = page.getByTestId('guest-editor');
  await expect(editor.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  // The sender types a comment at the top of the third guest, with the keyboard.
  await editor.locator('.view-line').first().click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('Control+Home');
  await page.keyboard.type(';; edited in tab 3');
  await page.keyboard.press('Enter');
  await expect(editor.locator('.view-line').first()).toHaveText(/;;\sedited\sin\stab\s3/);

  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-link')).toHaveValue(/#w2\./);
  const link = await page.getByTestId('share-link').inputValue();

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('guest-tab').nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(other.getByTestId('guest-tab').nth(0)).toHaveAttribute('aria-selected', 'false');
  await expect(other.getByTestId('guest-editor').locator('.view-line').first()).toHaveText(/;;\sedited\sin\stab\s3/);

  // Back on the first tab, the link says nothing about tabs and opens on the first guest.
  await page.keyboard.press('Escape');
  await tabs.nth(0).click();
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-link')).not.toHaveValue(link);
  const firstTabLink = await page.getByTestId('share-link').inputValue();
  expect(firstTabLink.length).toBeLessThan(link.length);
  await other.goto('about:blank');
  await other.goto(firstTabLink);
  await expect(other.getByTestId('guest-tab').nth(0)).toHaveAttribute('aria-selected', 'true');
});

test('a long link is decoded in a worker: it opens with its source, and cut in half it says what is wrong', async ({ page, context }) => {
  // ~150 KB of text that barely compresses (a deterministic pseudo-random comment), so the
  // link is long enough to be decoded off the main thread (over 64 KB).
  let seed = 7;
  const rand = () => {
    // mulberry32: small, and random enough that deflate finds nothing to share.
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const noise = Array.from({ length: 1500 }, () => `;; ${Array.from({ length: 96 }, () => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[Math.floor(rand() * 62)]).join('')}`).join('\n');
  const big = `${noise}\n${EDITED}`;
  await editScratch(page, EDITED);
  await guestSource(page).fill(big);
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-link')).toHaveValue(/#w2\./);
  const link = await page.getByTestId('share-link').inputValue();
  expect(link.length).toBeGreaterThan(64 * 1024);

  const other = await context.newPage();
  const workers: string[] = [];
  other.on('worker', (w) => workers.push(w.url()));
  await other.goto(link);
  await expect(guestSource(other)).toHaveValue(big, { timeout: 20_000 });
  expect(workers.some((u) => /shareDecodeWorker/.test(u))).toBe(true);
  await other.getByTestId('run').click();
  await expect.poll(() => consoleText(other), { timeout: 20_000 }).toMatch(/run\(\) → 42/);

  const damaged = await context.newPage();
  await damaged.goto(link.replace(/#w2\.(.+)$/, (_, data: string) => `#w2.${data.slice(0, data.length >> 1)}`));
  const notice = damaged.getByTestId('notice').filter({ hasText: 'This share link is damaged' });
  await expect(notice).toBeVisible({ timeout: 20_000 });
  await expect(notice).toContainText('Your own workspace was loaded instead.');
});
