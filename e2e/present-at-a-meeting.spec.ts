import { expect, test, type Page } from '@playwright/test';
import { consoleText, openApp, usePlainEditors } from './appHelpers';

const px = (page: Page, testId: string, selector: string) =>
  page.getByTestId(testId).locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
const height = async (page: Page, testId: string) => (await page.getByTestId(testId).boundingBox())?.height ?? 0;

test('?present shows big, high-contrast text with a simpler header, and F shows the diagram fullscreen', async ({ page }) => {
  await openApp(page, '?example=kv-counter');
  await usePlainEditors(page);
  const normalFont = await px(page, 'guest-editor', 'textarea');
  const normalRun = await height(page, 'run');

  await openApp(page, '?present&example=kv-counter');
  expect(await px(page, 'guest-editor', 'textarea')).toBeGreaterThanOrEqual(Math.max(22, normalFont + 6));
  expect(await height(page, 'run')).toBeGreaterThan(normalRun * 1.25);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
  await expect(page.getByTestId('present-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('time-limit')).toBeHidden();
  await expect(page.getByTestId('share')).toBeHidden();
  // ⚙ stays: where the hosts run (browser or the room's NATS server, its address) is changed there.
  await expect(page.getByTestId('settings')).toBeVisible();

  // F opens the flow diagram over everything; Ctrl+Enter still runs from there.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('f');
  const stage = page.getByTestId('fullscreen-panel');
  await expect(stage).toBeVisible();
  await expect(stage).toHaveAttribute('data-panel', 'diagram');
  await page.keyboard.press('Control+Enter');
  await expect(stage.getByRole('status')).toContainText(/ran in/, { timeout: 20_000 });
  await page.keyboard.press('Escape');
  await expect(stage).toBeHidden();

  // Typing an "f" in an editor is just typing.
  const guest = page.getByTestId('guest-editor').locator('textarea');
  await guest.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('f');
  await expect(stage).toBeHidden();

  // Leaving presenter mode restores the normal view and drops ?present from the URL.
  await page.getByTestId('present-toggle').click();
  await expect(page).not.toHaveURL(/present/);
  expect(await px(page, 'guest-editor', 'textarea')).toBe(normalFont);
  await expect(page.getByTestId('time-limit')).toBeVisible();
});

test('a presenter link naming an example that does not exist says so and still opens a working example', async ({ page }) => {
  await page.goto('/?present&example=kv-countr');
  await expect(page.getByTestId('example-picker')).toBeVisible();
  const notice = page.locator('[data-testid="notice"][data-id="missing-example"]');
  await expect(notice).toContainText('"kv-countr"');
  const shown = await page.getByTestId('example-picker').locator('option:checked').innerText();
  await expect(notice).toContainText(`showing "${shown.trim()}" instead`);
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toMatch(/run\(\) →/);
  await notice.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(notice).toHaveCount(0);
});

test('?embed shows only editors, Run and output, and runs an example', async ({ page }) => {
  await page.goto('/?embed&example=kv-counter');
  await expect(page.getByTestId('embed-header')).toBeVisible();
  for (const id of ['example-picker', 'settings', 'share', 'workspaces', 'time-limit', 'example-description']) await expect(page.getByTestId(id)).toHaveCount(0);
  await expect(page.getByTestId('wit-editor')).toBeVisible();
  await expect(page.getByTestId('guest-editor')).toBeVisible();
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toMatch(/run\(\) → "?1"?/);
});

test('?embed&panel=diagram fits a small iframe and opens on the diagram', async ({ page }) => {
  // A docs page embeds the playground. (Same site: this Chromium denies IndexedDB to
  // cross-site frames, which the key-value host needs.)
  const src = new URL('/?embed&panel=diagram&example=kv-counter', test.info().project.use.baseURL);
  await page.goto('/');
  await page.setContent(`<h1>My post</h1><iframe src="${src.href}" width="600" height="480" style="border:0"></iframe>`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByTestId('tab-diagram')).toHaveAttribute('aria-selected', 'true');
  const run = frame.getByTestId('run');
  await expect(run).toBeVisible();
  // Nothing spills out sideways: the app is no wider than the frame.
  expect(await frame.locator('.app').evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(600);
  await run.click();
  await expect(frame.getByTestId('status')).toContainText(/ran in/, { timeout: 20_000 });
});

test('?embed with a share link shows the shared workspace and never stores edits', async ({ page, context }) => {
  await openApp(page);
  await page.getByTestId('example-picker').selectOption('scratch');
  await usePlainEditors(page);
  const mine = '(module (func (export "run") (result i32) i32.const 9))\n';
  await page.getByTestId('guest-editor').locator('textarea').fill(mine);
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-embed')).toHaveValue(/#w2\./);
  const embedCode = await page.getByTestId('share-embed').inputValue();
  const src = /src="([^"]+)"/.exec(embedCode)?.[1] ?? '';
  expect(src).toMatch(/\?embed#w2\./);

  const embedded = await context.newPage();
  await embedded.goto(src);
  const guest = embedded.getByTestId('guest-editor').locator('textarea');
  await expect(guest).toHaveValue(mine);
  await embedded.getByTestId('run').click();
  await expect.poll(() => consoleText(embedded), { timeout: 20_000 }).toMatch(/run\(\) → 9/);
  await guest.fill('(module)');
  await embedded.waitForTimeout(800);
  await embedded.close();

  await page.reload();
  await expect(page.getByTestId('guest-editor').locator('textarea')).toHaveValue(mine);
});

test('the 2022 debates tab walks the agenda: load the standard, then the proposal, and run each', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.getByTestId('tab-debates').click();
  const ranges = page.locator('[data-testid=debate][data-topic=ranges]');
  await expect(ranges).toContainText('Joel Dice');
  // The standard side asks the same questions with list-keys alone.
  await ranges.locator('[data-example=js-kv-ranges-by-list-keys]').click();
  await expect(page.getByTestId('example-picker')).toHaveValue('js-kv-ranges-by-list-keys');
  // The tab stays open on the agenda, with the loaded example marked.
  await expect(ranges.locator('[data-example=js-kv-ranges-by-list-keys]')).toBeDisabled();
  await page.getByTestId('run').click();
  await page.getByTestId('tab-console').click();
  await expect.poll(() => consoleText(page), { timeout: 60_000 }).toMatch(/run\(\) → 8/);
  const standard = await consoleText(page);
  // The same answers as the proposal below, each paid for with whole listings and gets.
  expect(standard).toMatch(/user:42:email = grace@navy\.example\s+user:42:name = Grace\s+user:42:rank = rear admiral/);
  expect(standard).toMatch(/10:45 excluded:\s+log:2022-12-01T10:00:00Z = keyvalue ranges debated\s+log:2022-12-01T10:20:00Z = messaging acks debated\s+inclusive/);
  expect(standard).toMatch(/inclusive \[10:00, 10:45\] = 3/);
  const calls = Number(/(\d+) host calls for these queries/.exec(standard)?.[1]);
  expect(calls).toBeGreaterThan(7);

  await page.getByTestId('tab-debates').click();
  await ranges.locator('[data-example=proposal-kv-ranges]').click();
  await expect(page.getByTestId('example-picker')).toHaveValue('proposal-kv-ranges');
  await page.getByTestId('run').click();
  await page.getByTestId('tab-console').click();
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toMatch(/get-keys\(from\(/);
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toMatch(/user:42:email = grace@navy\.example\s+user:42:name = Grace\s+user:42:rank = rear admiral/);
  await expect.poll(() => consoleText(page)).toMatch(/count-range\(inclusive\(10:00, 10:45\)\) = 3/);
});

test('in an embed the debates tab explains but cannot switch the workspace', async ({ page }) => {
  await page.goto('/?embed&example=kv-counter');
  await expect(page.getByTestId('embed-header')).toBeVisible();
  await page.getByTestId('tab-debates').click();
  await expect(page.locator('[data-testid=debate-example]').first()).toBeDisabled();
});

test('?present&panel=debates opens on the debates tab, scrolled into view in the narrow, zoomed tab row', async ({ page }) => {
  await page.goto('/?present&panel=debates');
  await expect(page.getByTestId('debates-panel')).toBeVisible();
  const tab = page.getByTestId('tab-debates');
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect.poll(async () => (await tab.boundingBox())!.x + (await tab.boundingBox())!.width).toBeLessThanOrEqual(1400 + 1);
});

test('presenting at 1280×720, picking a NATS server in ⚙ keeps the settings inside the window while the header changes under it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, '?present&example=msg-fan-out');
  await page.getByTestId('settings').click();
  // Nobody listens on this port: the badge says so, growing the header's second row.
  await page.getByTestId('nats-server').fill('ws://127.0.0.1:9');
  await page.getByTestId('backend-nats').check();
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-state', 'failed', { timeout: 20_000 });
  const box = (await page.locator('.settings-popover').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(1280);
  await expect(page.getByTestId('backend-browser')).toBeInViewport({ ratio: 1 });
});
