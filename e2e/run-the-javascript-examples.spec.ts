import { expect, test } from '@playwright/test';
import { consoleText, openApp, runExample } from './appHelpers';

// Every JavaScript/TypeScript example, picked and run through the UI: the guests are built
// with componentize-js inside the page (each example's world spliced when the site was built and
// fetched, snapshot taken), so this is the slowest spec; one page keeps the engine warm across examples.
const expectations: { id: string; lines: RegExp[] }[] = [
  { id: 'js-kv-counter', lines: [/visit number 1/, /run\(\) → "?1"?/] },
  { id: 'js-kv-bucket-walk', lines: [/item-042 = /, /page 1: \d+ keys, first /, /run\(\) → \[250,/] },
  { id: 'js-msg-fan-out', lines: [/sent orders\.shipped/, /js-all-orders\s+orders\.created: order 1001/, /js-payments\s+orders\.paid: order 1001/, /run\(\) → 3/] },
  { id: 'js-msg-request-reply', lines: [/js-shouter\s+request on greet: hello, wasi/, /reply: HELLO, WASI/, /replies \(expected 1, within 3000 ms\): 1/] },
  { id: 'js-blob-range-read', lines: [/bytes 6\.\.10: "world"/, /bytes 500\.\.600: error: /] },
  { id: 'ts-kv-visit-log', lines: [/#1 at /, /run\(\) → "visit 1, keeping 1"/] },
];

/** The examples' worlds (WIT world names): each was spliced when the site was built. */
const worlds: Record<string, string[]> = {
  'js-kv-counter': ['counter'],
  'js-kv-bucket-walk': ['bucket-walk'],
  'js-msg-fan-out': ['order-log', 'orders'],
  'js-msg-request-reply': ['shouter', 'asker'],
  'js-blob-range-read': ['blob-range'],
  'ts-kv-visit-log': ['visit-log'],
};

test('run every JavaScript and TypeScript example and see its output', async ({ page }) => {
  test.setTimeout(240_000);
  // What the page fetches of the JS toolchain: an example's world comes spliced with the site
  // (scripts/shippedSplicesPlugin.mjs), shell included, so neither the engine nor the splicer is
  // fetched for any of them.
  const fetched: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    const toolchain = /\/(starlingmonkey_embedding|spidermonkey-embedding-splicer)[^/]*$/.exec(path);
    const shipped = /\/spliced-engine-([\w-]+)-[\w-]{8}\.bin$/.exec(path);
    if (toolchain) fetched.push(toolchain[1]!);
    if (shipped) fetched.push(`spliced-engine-${shipped[1]}`);
  });
  await openApp(page);
  for (const { id, lines } of expectations) {
    await runExample(page, id);
    for (const line of lines) await expect.poll(() => consoleText(page), { timeout: 60_000, message: `${id}: ${line}` }).toMatch(line);
    await expect(page.getByTestId('status')).not.toContainText(/failed|trapped/i);
    for (const world of worlds[id]!) expect(fetched, `${id}: ${world}`).toContain(`spliced-engine-${world}`);
  }
  expect(fetched.filter((f) => !f.startsWith('spliced-engine-'))).toEqual([]);
});
