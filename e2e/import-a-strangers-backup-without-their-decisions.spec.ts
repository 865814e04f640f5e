import { readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { openApp } from './appHelpers';
import { teacherLesson } from './learnHelpers';

// Someone sends a backup file ("here is my whole setup, import it"). It brings their
// workspaces and lessons — that is what the file is for — but not their decisions: the
// lesson check script they allowed must ask again here before it runs (as host code in the
// file does). Nor does it move hosts to the NATS server they chose: this browser's own
// choice is stored from its first visit, and an import never overwrites what is stored.
const LESSON_LINK = `?learn=teacher-answer#l1.${deflateRawSync(Buffer.from(JSON.stringify(teacherLesson))).toString('base64url')}`;
const THEIR_SERVER = `ws://127.0.0.1:${Number(process.env.E2E_PORT ?? 4173) + 29}`;

test("a stranger's backup brings their lesson but not their allowing its check script, nor their NATS server", async ({ browser }) => {
  test.setTimeout(300_000);
  // The stranger's browser: the lesson's script allowed, hosts on their server, then Export everything.
  const theirs = await browser.newContext();
  const stranger = await theirs.newPage();
  await stranger.goto(`/${LESSON_LINK}`);
  await expect(stranger.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await stranger.getByTestId('learn-check').click();
  await stranger.getByTestId('check-script-allow').click();
  await expect(stranger.getByTestId('learn-verdict')).toContainText('expected 42', { timeout: 240_000 });
  await stranger.getByTestId('settings').click();
  await stranger.getByTestId('nats-server').fill(THEIR_SERVER);
  await stranger.getByTestId('backend-nats').check();
  await stranger.getByTestId('settings').click();
  await stranger.getByTestId('storage').click();
  const download = stranger.waitForEvent('download');
  await stranger.getByTestId('export-everything').click();
  // Kept outside their context, which takes its downloads with it when it closes.
  const file = test.info().outputPath('their-backup.json');
  await (await download).saveAs(file);
  // This build leaves their allowing out of the file; one by an older build, or edited by
  // hand, carries it, as the stranger's browser stores it.
  const allowed = await stranger.evaluate(() => localStorage.getItem('wcp.trustedLessonChecks'));
  expect(allowed).toContain('lesson:teacher-answer');
  const backup = JSON.parse(readFileSync(file, 'utf8')) as { localStorage: Record<string, string> };
  expect(Object.keys(backup.localStorage)).not.toContain('wcp.trustedLessonChecks');
  writeFileSync(file, JSON.stringify({ ...backup, localStorage: { ...backup.localStorage, 'wcp.trustedLessonChecks': allowed } }));
  await theirs.close();

  // This user's browser imports it.
  const mine = await browser.newContext();
  const page = await mine.newPage();
  await openApp(page);
  await page.getByTestId('storage').click();
  await page.getByTestId('import-everything-file').setInputFiles(file);
  const message = page.getByTestId('storage-message');
  await expect(message).toContainText(/Imported [1-9]\d* new entries/);
  await expect(message).toContainText('Which lesson check scripts the other browser allowed was not taken');

  await page.goto('/?learn=teacher-answer');
  await expect(page.getByTestId('lesson-title')).toContainText('The answer');
  await expect(page.getByTestId('backend-badge')).toHaveText('Hosts: browser');
  await expect(page.getByTestId('guest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('learn-check').click();
  await expect(page.getByTestId('check-script-prompt')).toBeVisible();
  await mine.close();
});
