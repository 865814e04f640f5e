import { defineConfig } from '@playwright/test';

/**
 * E2E tests run Debian's Chromium (never a Playwright-downloaded browser) against the
 * built static site served by `vite preview`, i.e. exactly what `npm run build` ships.
 */
/** E2E_PORT lets several checkouts run their suites side by side on one machine. */
const port = Number(process.env.E2E_PORT ?? 4173);
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  // One retry: a browser test that fails once and then passes is reported as "flaky" in the
  // summary (and must be looked into), instead of a loaded CI machine's hiccup failing the
  // whole run. A test that fails twice fails the run.
  retries: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
    viewport: { width: 1400, height: 900 },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
