import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

// Typing into the real Monaco editors the way a person does: keys, not `fill`.

/** The rendered lines of a Monaco editor, trimmed (Monaco draws spaces as U+00A0). */
export const editorLines = (pane: Locator) => pane.locator('.view-line').allInnerTexts().then((ls) => ls.map((l) => l.replace(/\u00a0/g, ' ').trim()));

/** The shipped source of an example file (path under src/examples/), as lines, to know which line to walk to. */
export const shipped = (path: string) => readFileSync(new URL(`../src/examples/${path}`, import.meta.url), 'utf8').split('\n');

/**
 * Puts the caret at the end of the first line of `source` containing `text`, with the keys a
 * presenter uses (click in, Ctrl+Home, arrows, End): on a projector most lines are off-screen.
 */
export async function caretAfterLine(page: Page, pane: Locator, source: string[], text: string): Promise<void> {
  const index = source.findIndex((l) => l.includes(text));
  expect(index, `${text} in the shipped source`).toBeGreaterThanOrEqual(0);
  await pane.locator('.view-line').first().click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await expect(pane.locator('.view-line', { hasText: text }).first()).toBeVisible();
}

// Monaco draws typed text on its next animation frame, so callers poll the rendered lines:
// on a loaded machine the last characters of a line can still be undrawn when typing ends.

/** Types each line on a new line below the caret with real key presses (keydown, keypress, input, keyup per character). */
export async function typeLines(page: Page, lines: string[]): Promise<void> {
  for (const line of lines) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(line);
    // Close any suggestion list so Enter makes a new line instead of accepting it.
    await page.keyboard.press('Escape');
  }
}

/** Line numbers that carry an error squiggle in a Monaco pane (matched by vertical position). */
export async function markedLines(pane: Locator): Promise<number[]> {
  return pane.evaluate((root) => {
    // Monaco also draws an empty .line-numbers at the top (it once made a marker on line 1 read as line 0).
    const numbers = [...root.querySelectorAll('.line-numbers')].filter((el) => el.textContent?.trim()).map((el) => ({ n: Number(el.textContent), top: el.getBoundingClientRect().top }));
    return [...root.querySelectorAll('.squiggly-error')].map((sq) => {
      const top = sq.getBoundingClientRect().top;
      return numbers.reduce((best, x) => (Math.abs(x.top - top) < Math.abs(best.top - top) ? x : best)).n;
    });
  });
}

/** Replaces the editor's text with a real paste (typing would let Monaco auto-close brackets). */
export async function replaceSource(page: Page, pane: Locator, lines: string[]): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), lines.join('\n') + '\n');
  await pane.locator('.view-line').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  // Exactly the pasted lines: the last one is the empty line after the final newline.
  await expect(pane.locator('.line-numbers').last()).toHaveText(String(lines.length + 1));
  // Monaco reuses line elements out of order: read them top to bottom. Polled: Monaco may
  // still be repositioning reused line elements right after the paste.
  const shown = async () =>
    (
      await pane.locator('.view-line').evaluateAll((els) =>
        els
          .map((e) => ({ top: e.getBoundingClientRect().top, text: (e as HTMLElement).innerText.replace(/\u00a0/g, ' ').trimEnd() }))
          .sort((a, b) => a.top - b.top)
          .map((l) => l.text),
      )
    ).slice(0, lines.length);
  await expect.poll(shown).toEqual(lines.map((l) => l.trimEnd()));
}

/**
 * A Monaco editor's code as drawn, top to bottom, without whitespace: a wrapped line's rows
 * joined up again (Monaco reuses row elements out of order, so they are sorted by position).
 */
export async function drawnCode(pane: Locator): Promise<string> {
  const rows = await pane.locator('.view-line').evaluateAll((els) => els.map((e) => ({ top: e.getBoundingClientRect().top, text: (e as HTMLElement).innerText })));
  return rows
    .sort((a, b) => a.top - b.top)
    .map((r) => r.text)
    .join('')
    .replace(/\s+/g, '');
}
