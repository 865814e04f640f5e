import { expect, test, type Page } from '@playwright/test';
import { consoleText } from './appHelpers';
import { expectNoSidewaysScroll } from './layoutHelpers';

/** The least height of a control a finger hits reliably (Apple and Google ask 44–48; 32 is the floor). */
const FINGER = 32;

/** Controls on screen (not Monaco's own) shorter than a finger, as "what (height)". */
async function tooSmallToTap(page: Page): Promise<string[]> {
  return page.evaluate((least) => {
    const controls = document.querySelectorAll<HTMLElement>('button, select, summary, input:not([type="hidden"]):not([type="file"]):not([type="range"]), [role="tab"]');
    const small: string[] = [];
    for (const el of controls) {
      if (el.closest('.monaco-editor') || el.classList.contains('link')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth) continue;
      // Not inside a closed menu (<details>) or a hidden pane.
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const what = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 24) ?? el.tagName;
      if (box.height < least - 0.5) small.push(`${what} (${Math.round(box.height)} px)`);
    }
    return small;
  }, FINGER);
}

const DEVICES = [
  { what: 'a phone', width: 390, height: 844 },
  { what: 'a tablet on its side', width: 1024, height: 768 },
] as const;

/**
 * A class runs the request-reply example on phones and tablets and looks at its Console,
 * Trace and Diagram. The output tabs were 29 px tall, Clear, Save and the .wasm buttons 22,
 * the diagram's filters 24: a finger aiming at Trace opened Diagram, and Clear was hard to hit.
 */
for (const { what, width, height } of DEVICES) {
  test(`${what} (${width}×${height}, touch): every control on screen is tall enough to tap`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width, height }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto('/?example=msg-request-reply');
    await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
    expect(await tooSmallToTap(page), 'controls on the opened example').toEqual([]);
    await page.getByTestId('run').tap();
    await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/replied HELLO, WASI/);
    expect(await tooSmallToTap(page), 'controls beside the Console').toEqual([]);
    for (const tab of ['tab-trace', 'tab-diagram']) {
      await page.getByTestId(tab).tap();
      await expect(page.getByTestId(tab)).toHaveAttribute('aria-selected', 'true');
      expect(await tooSmallToTap(page), `controls beside ${tab}`).toEqual([]);
    }
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: test.info().outputPath(`diagram-${width}.png`) });
    await context.close();
  });
}
