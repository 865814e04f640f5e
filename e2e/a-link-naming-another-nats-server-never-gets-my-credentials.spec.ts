import { expect, test } from '@playwright/test';
import { openApp } from './appHelpers';
import { captureWebSocket, type CapturedSocket } from './captureWebSocket';
import { useNatsServer } from './natsServer';

// The visitor runs on their own NATS server with a token. A stranger's link names another
// server; accepting it must connect there without the token typed for the first one.
const nats = useNatsServer();
const CAPTURE_PORT = Number(process.env.E2E_PORT ?? 4173) + 13;
let other: CapturedSocket;
test.beforeAll(async () => {
  other = await captureWebSocket(CAPTURE_PORT);
});
test.afterAll(() => other.close());

test("a link naming another NATS server: my token stays with my server, and addresses can't carry a password", async ({ page }) => {
  await openApp(page, '?example=kv-counter');
  await page.getByTestId('settings').click();
  const address = page.getByTestId('nats-server');
  await address.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(nats.ws);
  await page.keyboard.press('Enter');
  await page.getByTestId('backend-nats').check();
  await page.getByText('Credentials (optional').click();
  await page.getByLabel('NATS token').click();
  await page.keyboard.type('MY-SECRET-TOKEN');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });

  // A password written into the address is refused, and says where it goes.
  await address.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(nats.ws.replace('ws://', 'ws://alice:pa55word@'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('nats-server-problem')).toContainText('Put the user and password in Credentials');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('aria-label', `Hosts run on NATS ${nats.ws}: connected`);
  await page.getByTestId('settings').click();
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-link')).toHaveValue(/#w2\./);
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toContain(`nats=${encodeURIComponent(nats.ws)}`);
  expect(link).not.toMatch(/alice|pa55word|SECRET/);

  // The stranger's link: same workspace, their server.
  const hash = link.slice(link.indexOf('#'));
  await page.goto(`/?nats=${encodeURIComponent(other.url)}${hash}`);
  const offer = page.getByTestId('backend-offer');
  await expect(offer).toContainText(other.url);
  await expect(offer).toContainText('Your saved credentials are not sent to it.');
  expect(other.frames, 'nothing connects before the visitor agrees').toEqual([]);
  await page.getByTestId('backend-offer-accept').click();
  await expect.poll(() => other.frames.find((f) => f.startsWith('CONNECT')), { timeout: 20_000 }).toBeTruthy();
  const connect = other.frames.find((f) => f.startsWith('CONNECT'))!;
  expect(connect).not.toContain('MY-SECRET-TOKEN');
  expect(connect).not.toContain('auth_token');
  // The settings say why: the token belongs to the other server.
  await page.getByTestId('settings').click();
  await expect(page.getByTestId('credentials-other-server')).toContainText(`typed for ${nats.ws} and are not sent to ${other.url}`);
});
