import { expect, test } from '@playwright/test';
import { consoleText, openApp, runExample } from './appHelpers';

// Tabs of the playground talk over BroadcastChannels (trace events, bus messages). A tab of
// another build — an old one left open since yesterday, or a newer one — or any other script
// of this origin may post shapes this build does not know. One event of another shape on
// the trace channel blanked the whole page (React unmounted) until reload, and a `null` in
// a bus batch killed the worker of every handler serving. Neither may happen: what cannot be
// read is left out, and the page and its handlers go on.
test('malformed trace events and bus packets from another tab leave the page and its serving handlers working', async ({ page, context }) => {
  await openApp(page);
  await runExample(page, 'msg-fan-out');
  await expect(page.getByTestId('status')).toContainText('2 serving', { timeout: 60_000 });

  // The other tab: a page of this origin that is not the playground (a file it serves).
  const other = await context.newPage();
  await other.goto('/favicon.svg');
  await other.evaluate(() => {
    const trace = new BroadcastChannel('wcp:trace');
    trace.postMessage({ presence: 'hello', tab: 'tab-other' });
    trace.postMessage({
      events: [
        { id: 'o1', tab: 'tab-other', guest: 'all-orders', kind: 'call', at: Date.now() },
        { id: 'o2', tab: 'tab-other', guest: 'all-orders', kind: 'message', action: 'send', topic: { x: 1 }, envelope: 'text', data: 'not bytes', at: Date.now() },
        { id: 'o3', tab: 'tab-other', guest: 'g', kind: 'something-newer', at: Date.now() },
        // One well-formed event of that tab is still shown, marked as another tab's.
        { id: 'o4', tab: 'tab-other', guest: 'all-orders', kind: 'lifecycle', phase: 'start', detail: 'from the other tab', at: Date.now() },
      ],
    });
  });
  // The page is whole: its tabs work, and the trace shows the other tab's readable event.
  // Looked at before the bus traffic below: the table is virtualized and kept at the newest,
  // and the handlers' events for the message sent after the junk would push this row above
  // the rows it draws.
  await page.getByTestId('tab-trace').click();
  await expect(page.getByTestId('trace-row').filter({ hasText: 'from the other tab' })).toHaveCount(1);
  // What was left out is said, not only warned in the developer console.
  const note = page.getByTestId('trace-other-tabs');
  await expect(note).toHaveText('3 left out (another version)');
  await expect(note).toHaveAttribute('title', /another version of the playground/);
  // A flooding tab's batch (its newest events in full, the rest counted) is said too.
  await other.evaluate(() => {
    const trace = new BroadcastChannel('wcp:trace');
    trace.postMessage({ events: [{ id: 'o5', tab: 'tab-other', guest: 'all-orders', kind: 'lifecycle', phase: 'start', detail: 'flooding', at: Date.now() }], summarized: { 'all-orders': 4800 } });
  });
  await expect(note).toHaveText('+4,800 more in other tabs · 3 left out (another version)');
  await page.getByRole('button', { name: 'Clear trace' }).click();
  await expect(note).toHaveCount(0);

  await other.evaluate(() => {
    const bus = new BroadcastChannel('wcp:bus');
    bus.postMessage([{ type: 'message' }, 5, null]);
    bus.postMessage(null);
    const envelope = { id: 'other-1', source: '/other-tab', type: 'test', specversion: '1.0', subject: 'orders.created' };
    bus.postMessage({ type: 'message', envelope, data: new TextEncoder().encode('{"order":"after the junk"}') });
  });

  // The handlers are still serving and heard the well-formed message sent after the junk.
  await page.getByTestId('tab-console').click();
  await expect.poll(() => consoleText(page)).toContain('{"order":"after the junk"}');
  await expect(page.getByTestId('status')).toContainText('2 serving');
  expect(await consoleText(page)).not.toMatch(/run worker crashed/);
  await page.getByTestId('tab-diagram').click();
  await expect(page.getByTestId('example-picker')).toBeVisible();
});
