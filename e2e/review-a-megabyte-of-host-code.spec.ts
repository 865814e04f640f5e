import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { consoleText, openApp } from './appHelpers';

// A host module of about a megabyte (a bundled library, say) arrives in a workspace file.
// The page must stay usable: the trust prompt and the Host code tab show a growing preview
// that says how much there is, instead of laying out a megabyte at once, and the module
// still runs once accepted.
const HOST = readFileSync('src/examples/proposals/kvTtlHost.js', 'utf8');
const FILLER_LINES = 12_000;
const filler = Array.from({ length: FILLER_LINES }, (_, i) => `const table${i} = '${'x'.repeat(72)}'; // line ${i + 1}`).join('\n');
const BIG_HOST = `${filler}\n${HOST.replace('[kv-ttl host]', '[bundled kv-ttl host]')}`;

test('a megabyte of host code from a file is reviewed as a preview and still runs', async ({ page }) => {
  expect(BIG_HOST.length).toBeGreaterThan(1_000_000);
  await openApp(page);
  const workspace = {
    exampleId: 'proposal-custom-kv-ttl',
    guests: [{ name: 'ttl-user', lang: 'wat', wit: readFileSync('src/examples/proposals/kvTtl.wit', 'utf8'), source: readFileSync('src/examples/proposals/kvTtl.wat', 'utf8'), call: 'run', subscriptions: [] }],
    hosts: { customHosts: { 'proposal:kv-ttl@0.1.0': BIG_HOST } },
    settings: { timeLimitMs: 10_000 },
  };
  await page.getByTestId('share').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'bundled.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'wasi-cloud-playground', version: 1, workspace })) });

  // It is the example's host code with a bundle in front: the prompt says so and lists the
  // changed lines, at most 400 of them, then the rest is counted.
  const prompt = page.getByTestId('trust-prompt');
  await expect(prompt.getByTestId('trust-diff-summary')).toContainText("This is the example's own host code with 1 line changed and 12,000 added");
  await expect(prompt.getByTestId('trust-diff').locator('.trust-diff-row')).toHaveCount(400);
  await expect(prompt.getByTestId('trust-diff-more')).toContainText('and 11,602 more changed lines not listed here');
  // The whole file: how big it is and its beginning; more on request.
  await prompt.getByTestId('trust-show-whole').click();
  const lines = BIG_HOST.replace(/\n$/, '').split('\n').length; // a final newline ends the last line
  await expect(prompt.getByTestId('trust-code-size')).toHaveText(`${lines.toLocaleString('en')} lines, ${(BIG_HOST.length / 1024 / 1024).toFixed(1)} MB · showing the first 400`);
  const code = prompt.getByTestId('trust-code');
  await expect(code).toContainText('// line 400\n');
  await expect(code).not.toContainText('// line 401\n');
  await prompt.getByTestId('trust-code-more').click();
  await expect(prompt.getByTestId('trust-code-size')).toContainText('showing the first 2,400');
  await expect(code).toContainText('// line 2400\n');
  await expect(code).not.toContainText('[bundled kv-ttl host]');
  await prompt.getByTestId('trust-accept').click();

  // The Host code tab previews it too, with a way into the editor.
  await page.getByTestId('tab-host-code').click();
  await expect(page.getByTestId('host-code-large')).toContainText('This host code is 1.');
  await expect(page.getByTestId('host-code-preview')).toContainText('// line 1\n');
  await expect(page.getByTestId('host-code-editor')).toHaveCount(0);

  // It runs as it is.
  await page.getByTestId('run').click();
  await page.getByTestId('tab-console').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/\[bundled kv-ttl host\] "session" expired/);
  await expect.poll(() => consoleText(page), { timeout: 10_000 }).toMatch(/run\(\) → 1/);

  // Editing anyway loads the whole text into the editor.
  await page.getByTestId('tab-host-code').click();
  await page.getByTestId('host-code-edit-large').click();
  await expect(page.getByTestId('host-code-editor')).toHaveValue(BIG_HOST);
});
