import { expect, test } from '@playwright/test';
import { consoleText, openApp, runExample } from './appHelpers';

test('try your own interface: a user-declared WIT package served by custom host code', async ({ page }) => {
  await openApp(page);
  // The console only renders while its tab is shown.
  const runAndShowConsole = async () => {
    await page.getByTestId('run').click();
    await page.getByTestId('tab-console').click();
  };
  await runExample(page, 'proposal-custom-kv-ttl');
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toMatch(/run\(\) → 1/);
  const text = await consoleText(page);
  expect(text).toMatch(/get\(session\) = some\("token-4711"\)/);
  expect(text).toMatch(/\[kv-ttl host\] "session" expired/);
  expect(text).toMatch(/get\(session\) = none/);
  expect(text).toMatch(/get\(theme\) = some\("dark"\)/);

  // Edit the host code: the next Run uses the edited host.
  await page.getByTestId('tab-host-code').click();
  const editor = page.getByTestId('host-code-editor');
  const source = await editor.inputValue();
  await editor.fill(source.replace('[kv-ttl host]', '[my edited host]'));
  await runAndShowConsole();
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toMatch(/\[my edited host\] "session" expired/);

  // Each run evaluates the host module afresh, at Run: after a run, a spare sandbox fetches and
  // parses the same code ahead, but none of it runs until the next Run (module state and
  // top-level code included).
  await page.getByTestId('tab-host-code').click();
  const counted = (await editor.inputValue())
    .replace('export default {', 'let runs = 0;\nconst evaluatedAt = Date.now();\nexport default {')
    .replace('create(ctx) {', 'create(ctx) {\n    runs += 1;\n    ctx.log("stdout", `[fresh] create #${runs}, top level ${Date.now() - evaluatedAt} ms before\\n`);');
  await editor.fill(counted);
  await runAndShowConsole();
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toMatch(/run\(\) → 1/);
  expect(await consoleText(page)).toMatch(/\[fresh\] create #1,/);
  // Long enough that a module evaluated when the spare prepared it would show it.
  await page.waitForTimeout(2000);
  await runAndShowConsole();
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toMatch(/run\(\) → 1/);
  // The console starts afresh on Run; the last line of its kind is this run's anyway.
  const again = [...(await consoleText(page)).matchAll(/\[fresh\] create #(\d+), top level (\d+) ms before/g)].at(-1);
  expect(again?.[1]).toBe('1');
  expect(Number(again?.[2])).toBeLessThan(1000);

  // Broken host code is reported: in the tab before Run, and in the console on Run.
  await page.getByTestId('tab-host-code').click();
  await editor.fill('export default { create(ctx) { return { ');
  await expect(page.getByTestId('host-code-error')).toContainText('syntax error');
  await runAndShowConsole();
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toMatch(/custom host proposal:kv-ttl@0\.1\.0 failed to load/);
  await page.getByTestId('tab-host-code').click();
  await editor.fill('export default { description: "no create here" };');
  await runAndShowConsole();
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toMatch(/must `export default \{ create\(ctx\)/);
});
