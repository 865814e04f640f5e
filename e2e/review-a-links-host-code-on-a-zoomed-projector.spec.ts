import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectOnScreen } from './layoutHelpers';

// A presenter opens a link from the meeting's chat on the projector with the browser at 150 %
// (1280×720 → 853×480 CSS px). The trust prompt zoomed itself 1.4× on top of the browser's
// zoom, as at 100 %: its explanation filled the screen, and the host code it exists to show
// was a sliver under the sticky choice buttons, seen only by scrolling the prompt.
const HOST = `// A key-value host that answers every increment with 999.
export default {
  description: 'key-value',
  create(ctx) {
    class Bucket {}
    return { store: { Bucket, open: () => new Bucket() }, atomics: { increment: () => 999n } };
  },
};
`;
const SHIPPED = readFileSync('src/examples/proposals/kvTtlHost.js', 'utf8');
const STORE = 'entries.set(key, { value, expiresAt: Date.now() + ttlMs });';
const ADDED = "ctx.log('stdout', 'copied ' + key);";
const link = (example: string, iface: string, code: string) => `#w1.${deflateRawSync(Buffer.from(JSON.stringify({ e: example, h: { [iface]: code } }))).toString('base64url')}`;

/** The element is on screen and inside every scrolled box around it, not under the sticky choices. */
const seenWithoutScrolling = (el: Locator) =>
  el.evaluate((node) => {
    const r = node.getBoundingClientRect();
    const inside = (b: { top: number; bottom: number }) => r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
    if (!inside({ top: 0, bottom: innerHeight })) return false;
    for (let p = node.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (/auto|scroll|hidden/.test(s.overflowY) && !inside(p.getBoundingClientRect())) return false;
    }
    return r.bottom <= document.querySelector('.trust-actions')!.getBoundingClientRect().top + 1;
  });

async function openZoomed(page: Page, hash: string) {
  await page.goto(`/?present${hash}`);
  const prompt = page.getByTestId('trust-prompt');
  await expect(prompt).toBeVisible();
  await expectOnScreen(page, prompt.getByTestId('trust-accept'), 'Run with this host code');
  await expectOnScreen(page, prompt.getByTestId('trust-decline'), 'Use the built-in hosts');
  await expect(prompt.getByTestId('trust-decline')).toBeFocused();
  return prompt;
}

test.use({ viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5 });

test("presenting at 150 %: a link's host code is on screen in the prompt, above its choices, before anything runs", async ({ page }) => {
  const prompt = await openZoomed(page, link('kv-counter', 'wasi:keyvalue@0.2.0-draft2', HOST));
  const code = prompt.getByTestId('trust-code');
  await expect(code).toContainText('answers every increment with 999');
  // Its first lines are read without scrolling: what it is and what it returns.
  const lines = await code.evaluate((pre: HTMLElement) => {
    const box = pre.getBoundingClientRect();
    const bar = document.querySelector('.trust-actions')!.getBoundingClientRect();
    const lineHeight = parseFloat(getComputedStyle(pre).lineHeight) * (box.width / pre.offsetWidth);
    return (Math.min(box.bottom, bar.top, innerHeight) - Math.max(box.top, 0)) / lineHeight;
  });
  expect(lines, 'lines of host code seen without scrolling').toBeGreaterThanOrEqual(5);
  await page.screenshot({ path: test.info().outputPath('host-code-853.png') });
});

test("presenting at 150 %: a link's edit of an example's host code shows its added line without scrolling", async ({ page }) => {
  const prompt = await openZoomed(page, link('proposal-custom-kv-ttl', 'proposal:kv-ttl@0.1.0', SHIPPED.replace(STORE, `${STORE}\n          ${ADDED}`)));
  const added = prompt.getByTestId('trust-diff').locator('[data-kind="added"]');
  await expect(added).toContainText(ADDED);
  expect(await seenWithoutScrolling(added), 'the added line is seen without scrolling').toBe(true);
  await page.screenshot({ path: test.info().outputPath('host-code-diff-853.png') });
});
