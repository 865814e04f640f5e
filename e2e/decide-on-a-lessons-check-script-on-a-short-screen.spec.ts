import { deflateRawSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { expectOnScreen } from './layoutHelpers';
import { teacherLesson } from './learnHelpers';

/**
 * A teacher's lesson link carries a check script; the first Check asks before it runs, with
 * the focus on "Check without it". On a short screen (a presenter's 1280×720 at 150 % browser
 * zoom, the course embedded at 800×500) the prompt was brought in from its heading and ran
 * past the screen: the focused choice sat below it and the script was half shown.
 */
const LINK = `#l1.${deflateRawSync(Buffer.from(JSON.stringify(teacherLesson)), { level: 9 }).toString('base64url')}`;

const SHORT = [
  { what: 'presenting at 150 % browser zoom', query: '?present&learn=teacher-answer', w: 853, h: 480, scale: 1.5 },
  { what: 'embedded at 800×500', query: '?embed&learn=teacher-answer', w: 800, h: 500, scale: 1 },
] as const;

for (const { what, query, w, h, scale } of SHORT) {
  test(`${what}: the check script's code and the focused safe choice are on screen, and Enter takes it`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: scale });
    const page = await context.newPage();
    await page.goto(`/${query}${LINK}`);
    await expect(page.getByTestId('lesson-title')).toContainText('The answer');
    await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('learn-check').click();
    const prompt = page.getByTestId('check-script-prompt');
    await expect(prompt).toBeVisible();
    const skip = prompt.getByTestId('check-script-skip');
    await expect(skip).toBeFocused();
    await expectOnScreen(page, skip, 'Check without it (focused)');
    await expectOnScreen(page, prompt.getByTestId('check-script-allow'), 'Allow and check');
    await expectOnScreen(page, prompt.getByTestId('check-script-code'), "the check script's code");
    await page.screenshot({ path: test.info().outputPath(`check-script-${w}.png`) });
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('learn-verdict')).toContainText('run returned 41, expected 42', { timeout: 120_000 });
    await context.close();
  });
}
