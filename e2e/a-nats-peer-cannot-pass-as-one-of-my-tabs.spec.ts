import { expect, test, type Page } from '@playwright/test';
import { connect as connectNode, headers as natsHeaders } from '@nats-io/transport-node';
import { openApp } from './appHelpers';
import { useNatsServer } from './natsServer';

// The presenter runs the fan-out example on the room's NATS server. Someone in the room with a
// plain NATS client overhears the presenter's order (its CloudEvents source names the
// presenter's tab, and its seal) and publishes an order of their own under that source and
// seal, then re-publishes the presenter's order word for word (headers, seal and bytes). The
// presenter's trace, inspector and diagram must take neither for the presenter's own.
const nats = useNatsServer();

for (const viewport of [{ width: 1280, height: 720 }, { width: 800, height: 500 }]) {
  test(`a peer writing my tab's source is shown as a peer claiming my tab (${viewport.width}×${viewport.height})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport });
    const peer = await connectNode({ servers: nats.nats });
    try {
      const overheard: Array<{ source: string; seal: string; data: Uint8Array; headers: Array<[string, string]> }> = [];
      peer.subscribe('orders.created', {
        callback: (_e, m) => void overheard.push({ source: m.headers?.get('ce-source') ?? '', seal: m.headers?.get('wcp-seal') ?? '', data: m.data, headers: [...(m.headers ?? [])].map(([k, v]) => [k, v[0]]) }),
      });
      await peer.flush();

      const presenter = await context.newPage();
      await openApp(presenter, `?example=msg-fan-out&nats=${encodeURIComponent(nats.ws)}&present`);
      await presenter.getByTestId('backend-offer-accept').click();
      await expect(presenter.getByTestId('backend-badge')).toHaveAttribute('data-state', 'connected');
      await presenter.getByTestId('run').click();
      await expect(presenter.getByTestId('status')).toContainText('2 serving', { timeout: 60_000 });
      await expect.poll(() => overheard.length, { timeout: 15_000 }).toBeGreaterThan(0);
      const { source, seal } = overheard[0];
      expect(source).toMatch(/^\/wcp\/tab-[a-z0-9]+\/order-service$/);

      await presenter.getByTestId('tab-trace').click();
      await presenter.getByLabel('Filter trace').fill('orders.created');
      const delivered = presenter.locator('[data-testid="trace-row"][data-kind="message"]', { hasText: 'deliver' });
      await expect(delivered).toHaveCount(1);
      // The presenter's own order came through the server too, sealed by this browser.
      await expect(presenter.getByTestId('sender-badge')).toHaveCount(0);

      const h = natsHeaders();
      for (const [k, v] of [['ce-id', 'forged-order'], ['ce-source', source], ['ce-type', 'wcp.message'], ['ce-specversion', '1.0'], ['ce-time', new Date().toISOString()], ['content-type', 'application/json'], ['wcp-seal', seal]]) h.set(k, v);
      peer.publish('orders.created', new TextEncoder().encode('{"id":666,"total":0.01}'), { headers: h });
      await peer.flush();

      await expect(delivered).toHaveCount(2, { timeout: 15_000 });
      const forged = delivered.filter({ hasText: '666' });
      await expect(forged.getByTestId('sender-badge')).toHaveText('from peer claiming my tab');
      await expect(presenter.getByTestId('sender-badge')).toHaveCount(1);
      await forged.scrollIntoViewIfNeeded();
      await shot(presenter, `peer-posing-trace-${viewport.width}.png`);
      await forged.screenshot({ path: test.info().outputPath(`peer-posing-row-${viewport.width}.png`) });

      await forged.click();
      await presenter.getByTestId('tab-inspector').click();
      await expect(presenter.locator('[data-testid="inspector-field"][data-name="sent by"] td')).toContainText(`its source ${source} names one of this browser's tabs, but it came through the server without this browser's seal`);
      await expect(presenter.locator('[data-testid="inspector-attr"][data-name="source"] td')).toHaveText(source);
      await presenter.locator('[data-testid="inspector-field"][data-name="sent by"]').scrollIntoViewIfNeeded();
      await shot(presenter, `peer-posing-inspector-${viewport.width}.png`);

      await presenter.getByTestId('tab-diagram').click();
      const topic = presenter.locator('[data-testid="diagram-node"][data-kind="topic"][data-name="orders.created"]');
      await expect(topic.getByRole('img', { name: 'has events from another tab or machine' })).toBeVisible();
      await shot(presenter, `peer-posing-diagram-${viewport.width}.png`);

      // The presenter's own order replayed as it was on the wire: its seal checks out, but the
      // presenter's handler already had that transmission. Its two deliveries, by its id:
      const id = overheard[0].headers.find(([k]) => k === 'ce-id')![1];
      const replay = natsHeaders();
      for (const [k, v] of overheard[0].headers) replay.set(k, v);
      peer.publish('orders.created', overheard[0].data, { headers: replay });
      await peer.flush();
      await presenter.getByTestId('tab-trace').click();
      await presenter.getByLabel('Filter trace').fill(id);
      await expect(delivered).toHaveCount(2, { timeout: 15_000 });
      await expect(delivered.nth(0).getByTestId('sender-badge')).toHaveCount(0);
      await expect(delivered.nth(1).getByTestId('sender-badge')).toHaveText('from peer claiming my tab');
      await delivered.nth(1).click();
      await presenter.getByTestId('tab-inspector').click();
      await expect(presenter.locator('[data-testid="inspector-field"][data-name="sent by"] td')).toContainText("re-published one of this browser's messages word for word");
    } finally {
      await peer.close();
      await context.close();
    }
  });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(name) });
}
