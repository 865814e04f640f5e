import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { consoleText, openApp, runExample } from './appHelpers';

/** The policy the build wrote into dist/index.html (the file `vite preview` serves). */
function builtPolicy(): Map<string, string[]> {
  const html = readFileSync('dist/index.html', 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  expect(meta, 'dist/index.html carries a CSP meta tag').not.toBeNull();
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  return new Map(meta![1].split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

test('dist/index.html allows its own origin and WebSockets (a NATS server) for connections, and no remote or eval-ed code', () => {
  const csp = builtPolicy();
  expect(csp.get('connect-src')).toEqual(["'self'", 'ws:', 'wss:']);
  expect(csp.get('script-src')).toEqual(["'self'", 'blob:', "'wasm-unsafe-eval'"]);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  for (const values of csp.values()) for (const v of values) expect(v).not.toMatch(/^(https?:|\*|'unsafe-eval')/);
});

test('the whole app works under it: Monaco, the WAT and JS toolchains, the host-code sandbox', async ({ page }) => {
  test.setTimeout(180_000);
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to (CSP) ${e.violatedDirective} ${e.blockedURI}`));
  });
  await openApp(page);
  // Monaco's editor and its workers: typing gets WIT highlighting and markers.
  await expect(page.locator('[data-testid="wit-editor"] .monaco-editor')).toBeVisible();
  await runExample(page, 'kv-counter');
  await expect.poll(() => consoleText(page), { timeout: 60_000 }).toMatch(/run\(\) → "?\d+/);
  await runExample(page, 'js-kv-counter');
  await expect.poll(() => consoleText(page), { timeout: 90_000 }).toMatch(/visit number \d+/);
  await runExample(page, 'proposal-custom-kv-ttl');
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(/\[kv-ttl host\] "session" expired/);
  expect(violations).toEqual([]);
});
