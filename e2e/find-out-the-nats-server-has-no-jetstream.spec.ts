import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { findNatsServer } from '../scripts/startNats.mjs';
import { consoleText, openApp } from './appHelpers';

// A server someone already runs, without JetStream (no `jetstream {}` block): core NATS only.
const port = Number(process.env.NATS_E2E_PORT ?? 4261) + 5;
const wsPort = port + 1;

test.skip(!findNatsServer(), 'needs nats-server (apt-get install nats-server)');

test('a NATS server without JetStream: the badge says so before a demo, messages still flow, and key-value says why it cannot', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'wcp-nats-nojs-'));
  const conf = join(dir, 'core-only.conf');
  writeFileSync(conf, `host: 127.0.0.1\nport: ${port}\nwebsocket {\n  host: 127.0.0.1\n  port: ${wsPort}\n  no_tls: true\n}\n`);
  const server = spawn(findNatsServer()!, ['-c', conf], { stdio: 'ignore' });
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openApp(page, '?present&example=kv-counter');
    await page.getByTestId('settings').click();
    await page.getByTestId('nats-server').fill(`ws://127.0.0.1:${wsPort}`);
    await page.getByTestId('backend-nats').check();
    await page.getByTestId('settings').click();
    const badge = page.getByTestId('backend-badge');
    await expect(badge).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
    await expect(badge).toHaveText('NATS · connected · no JetStream');
    await expect(badge).toHaveAttribute('title', /runs without JetStream: messages work, but key-value, blobs/);
    await page.screenshot({ path: test.info().outputPath('no-jetstream-badge.png') });

    // Key-value: the interface's error names the server and the reason (the example traps on it).
    await page.getByTestId('run').click();
    await expect.poll(() => consoleText(page), { timeout: 45_000 }).toMatch(/increment returned an error: NATS key-value on ws:\/\/127\.0\.0\.1:\d+: jetstream is not enabled/);
    await page.screenshot({ path: test.info().outputPath('no-jetstream-run.png') });

    // Messages are core NATS: the fan-out example runs as on any server.
    await page.getByTestId('example-picker').selectOption('msg-fan-out');
    await page.getByTestId('run').click();
    await expect.poll(() => consoleText(page), { timeout: 45_000 }).toMatch(/all-orders\s+orders\.created: /);
  } finally {
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
