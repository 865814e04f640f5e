import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { consoleText } from './appHelpers';

// A stranger's link opens the kv-ttl example with its own host code edited: one line
// slipped in mid-file that logs every key. The prompt used to show all 33 lines under
// "serves proposal:kv-ttl@0.1.0", the added line below the fold, nothing saying the file
// was the shipped one with an edit. Now it says so and shows the change first, readable
// on a projector, in an 800×500 embed and on a phone.
const SHIPPED = readFileSync('src/examples/proposals/kvTtlHost.js', 'utf8');
const STORE = 'entries.set(key, { value, expiresAt: Date.now() + ttlMs });';
const ADDED = "ctx.log('stdout', 'pwned ' + key + ' ' + JSON.stringify(value) + ' — every key and value this guest stores, copied out\\n');";
const TWEAKED = SHIPPED.replace(STORE, `${STORE}\n          ${ADDED}`);
const LINK = `#w1.${deflateRawSync(Buffer.from(JSON.stringify({ e: 'proposal-custom-kv-ttl', h: { 'proposal:kv-ttl@0.1.0': TWEAKED } }))).toString('base64url')}`;

/** The element is on screen and inside every scrolled box around it: seen without scrolling. */
const seenWithoutScrolling = (el: Locator) =>
  el.evaluate((node) => {
    const r = node.getBoundingClientRect();
    const inside = (b: { top: number; bottom: number; left: number; right: number }) => r.top >= b.top - 1 && r.bottom <= b.bottom + 1 && r.left >= b.left - 1 && r.right <= b.right + 1;
    if (!inside({ top: 0, left: 0, bottom: innerHeight, right: innerWidth })) return false;
    for (let p = node.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (/auto|scroll|hidden/.test(s.overflowY + s.overflowX) && !inside(p.getBoundingClientRect())) return false;
    }
    return true;
  });

/** The prompt is up with the edit summarised and the added line shown, on this screen, before any scrolling. */
async function seeTheChange(page: Page): Promise<void> {
  const prompt = page.getByTestId('trust-prompt');
  await expect(prompt).toBeVisible();
  await expect(prompt.getByTestId('trust-diff-summary')).toHaveText("This is the example's own host code with 1 line added. What was changed:");
  const added = prompt.getByTestId('trust-diff').locator('[data-kind="added"]');
  await expect(added).toHaveCount(1);
  await expect(added).toContainText(ADDED);
  await expect(added.locator('.trust-diff-no')).toHaveText(['', '15']);
  expect(await seenWithoutScrolling(added), 'the added line is seen without scrolling').toBe(true);
  // Long lines wrap rather than run off the side.
  expect(await added.evaluate((row) => row.scrollWidth <= row.clientWidth + 1)).toBe(true);
  // The whole file is a click away.
  await expect(prompt.getByTestId('trust-code')).toHaveCount(0);
}

test("a link's edit of an example's host code is shown as the change, in an embed, on a phone and presenting; nothing runs before Accept", async ({ page }) => {
  test.setTimeout(120_000);
  // Embedded at 800×500 (decisions there last for the page only).
  await page.setViewportSize({ width: 800, height: 500 });
  await page.goto(`/?embed&panel=diagram${LINK}`);
  await seeTheChange(page);
  await page.screenshot({ path: 'test-results/trust-diff-embed.png' });

  // On a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('about:blank');
  await page.goto(`/${LINK}`);
  await seeTheChange(page);
  await page.screenshot({ path: 'test-results/trust-diff-phone.png' });

  // Presenting at 1280×720: scaled like the rest of the presenter's text.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('about:blank');
  await page.goto(`/?present${LINK}`);
  await seeTheChange(page);
  const oneLine = page.getByTestId('trust-diff').locator('[data-kind="same"]').first();
  expect((await oneLine.boundingBox())!.height, 'a line of the diff is as tall as 12 px text zoomed 1.4×').toBeGreaterThanOrEqual(22);
  await page.screenshot({ path: 'test-results/trust-diff-present.png' });

  // The keyboard: the safe choice has the focus; Tab stays in the prompt and reaches both choices.
  const prompt = page.getByTestId('trust-prompt');
  await expect(prompt.getByTestId('trust-decline')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(prompt.getByTestId('trust-accept')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(prompt.getByTestId('trust-diff')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(prompt).toBeVisible();

  // Run before a decision: refused, nothing of the code ran.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('notice').filter({ hasText: 'Run waits for your decision on host code for proposal:kv-ttl@0.1.0' })).toBeVisible();
  expect(await consoleText(page)).not.toContain('pwned');

  // The whole file, then Accept: the edited host runs, sandboxed, and its added line logs.
  await prompt.getByTestId('trust-show-whole').click();
  await expect(prompt.getByTestId('trust-code')).toContainText(ADDED);
  await prompt.getByTestId('trust-accept').click();
  await page.getByTestId('run').click();
  await page.getByTestId('tab-console').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toContain('pwned session');
});

// Trojan Source (CVE-2021-42574): a right-to-left override makes the added line read, in a
// plain listing, as if its call were inside a comment. The prompt warns and shows each such
// character as a marked code point, so the order seen is the order that runs. A line changed
// only by a trailing space and a CRLF end shows what changed instead of two equal lines.
const HIDDEN_LINE = "/* a note for readers \u202e } \u2066ctx.log('stdout', 'pwned')\u2069 \u2066 { */";
const GET = 'const entry = entries.get(key);';
const SNEAKY = SHIPPED.replace(STORE, `${STORE}\n          ${HIDDEN_LINE}`).replace(GET, `${GET} \r`);
const SNEAKY_LINK = `#w1.${deflateRawSync(Buffer.from(JSON.stringify({ e: 'proposal-custom-kv-ttl', h: { 'proposal:kv-ttl@0.1.0': SNEAKY } }))).toString('base64url')}`;

test('host code hiding characters from a reviewer is flagged, and every hidden character and trailing change is drawn', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/?present${SNEAKY_LINK}`);
  const prompt = page.getByTestId('trust-prompt');
  await expect(prompt.getByTestId('trust-hidden-chars')).toContainText('4 characters you cannot see or that change the direction');
  await expect(prompt.getByTestId('trust-hidden-chars')).toContainText('U+202E right-to-left override (first on line 15)');
  await expect(prompt.getByTestId('trust-hidden-chars')).toContainText('U+2066 left-to-right isolate ×2');
  await expect(prompt.getByTestId('trust-diff-summary')).toContainText('1 line changed and 1 added');
  const added = prompt.getByTestId('trust-diff').locator('[data-kind="added"]');
  await expect(added.first()).toContainText("⟨U+202E⟩ } ⟨U+2066⟩ctx.log('stdout', 'pwned')⟨U+2069⟩ ⟨U+2066⟩ { */");
  await expect(added.first().locator('.hidden-char')).toHaveCount(4);
  // The line changed at its end only: the added copy shows a space and a CRLF end.
  await expect(added.nth(1).locator('.trailing-space')).toHaveText('·␍');
  await page.screenshot({ path: 'test-results/trust-hidden-characters.png' });
  // The whole file shows them too.
  await prompt.getByTestId('trust-show-whole').click();
  await expect(prompt.getByTestId('trust-code').locator('.hidden-char')).toHaveCount(4);
});
