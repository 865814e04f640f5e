import { expect, test, type Page } from '@playwright/test';
import { consoleText, openApp } from './appHelpers';
import { nestedPackage, watComponent } from './fixtures/buildFixtures';
import { drainStdinWat, drainStdinWit } from './fixtures/drainStdinWat';

// The one jco bug the 0.3 guests work around (wit/P3-PROPOSALS.md, "the drop workaround"):
// a guest that drains a host stream<u8> while waiting in a waitable set, then drops the
// stream's end and the set. Run both ways, in the browser (JSPI is required for 0.3), so
// the test fails if the workaround stops being needed (the second case would pass) or stops
// working (the first case would trap).
test.describe.configure({ timeout: 90_000 });

async function runDrain(page: Page, leave: boolean): Promise<string> {
  const wit = `${drainStdinWit}\n${nestedPackage('cli-0.3.0/cli.wit')}`;
  const wasm = await watComponent(wit, 'drain', drainStdinWat(leave));
  const name = leave ? 'drain-leave.wasm' : 'drain-no-leave.wasm';
  await page.getByTestId('open-component-input').setInputFiles({ name, mimeType: 'application/wasm', buffer: wasm });
  await expect(page.getByTestId('component-info')).toContainText(name, { timeout: 40_000 });
  await page.getByTestId('tab-hosts').click();
  await page.getByTestId('hosts-stdin').pressSequentially('piped into a 0.3 guest');
  await page.getByTestId('tab-console').click();
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/exit code|waitable|trap|error/i);
  return consoleText(page);
}

test('a 0.3 guest that leaves the waitable set before dropping a drained host stream runs; without the leave jco traps', async ({ page }) => {
  await openApp(page);
  const withLeave = await runDrain(page, true);
  expect(withLeave).toContain('stdin: piped into a 0.3 guest');
  expect(withLeave).toContain('run() → ok · exit code 0');

  await page.reload();
  await expect(page.getByTestId('example-picker')).toBeVisible();
  const without = await runDrain(page, false);
  // jco-transpile 0.15: the dropped end still counts as a member of the set.
  expect(without).toMatch(/waitable set still contains waitables/i);
  expect(without).not.toContain('exit code 0');
});
