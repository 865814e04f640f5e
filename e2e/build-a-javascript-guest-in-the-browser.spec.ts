import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { freshNamespace, openEngine } from './engineHelpers';

// A JS guest touching resources, options, lists, records, errors and stdout, so the two
// builds are compared on everything the canonical ABI and the engine's glue handle.
const WIT = `package local:js-same;

world same {
  import wasi:keyvalue/store@0.2.0-draft2;

  export run: func() -> string;
}
`;
const GUEST = `import { open } from 'wasi:keyvalue/store@0.2.0-draft2';
const enc = new TextEncoder();
const dec = new TextDecoder();
export function run() {
  const bucket = open('same');
  for (const k of ['a', 'b', 'c']) bucket.set(k, enc.encode(k.toUpperCase().repeat(3)));
  const b = bucket.get('b');
  const missing = bucket.get('nope');
  const page = bucket.listKeys(undefined);
  bucket.delete('a');
  console.log('b = ' + dec.decode(b) + ', missing = ' + missing);
  return JSON.stringify({ b: dec.decode(b), missing: missing === undefined, keys: page.keys.sort(), cursor: page.cursor ?? null, a: bucket.exists('a') });
}
`;

type Engine = {
  build(wit: string, lang: string, source: string | Uint8Array): Promise<{ artifact: unknown; stages: string[] }>;
  tryBuild(wit: string, lang: string, source: string): Promise<{ status: string; diagnostics?: { line: number; column: number; message: string }[] }>;
  run(artifact: unknown, opts: { namespace: string; call: string; timeLimitMs?: number }): Promise<{ state: string; result: unknown; trap?: string; logs: string[]; events: Array<Record<string, unknown>> }>;
};

/** The user WIT with the shipped wasi:keyvalue package nested, as the browser toolchain resolves it. */
function resolvedWit(): string {
  const pkg = readFileSync('wit/keyvalue-0.2.0-draft2/keyvalue.wit', 'utf8');
  const m = /^package\s+[^;{]+;/m.exec(pkg)!;
  const at = m.index + m[0].length - 1;
  return `${WIT}\n${pkg.slice(0, at)} {${pkg.slice(at + 1)}\n}\n`;
}

let nodeBuilt: Buffer;

test.beforeAll(() => {
  test.setTimeout(120_000);
  // componentize-js with native Wizer, exactly as a developer would build outside the browser.
  const dir = mkdtempSync(join(tmpdir(), 'wcp-js-'));
  writeFileSync(join(dir, 'world.wit'), resolvedWit());
  writeFileSync(join(dir, 'guest.js'), GUEST);
  execFileSync('node', ['scripts/componentizeNode.mjs', '--wit', join(dir, 'world.wit'), '--world', 'same', '--source', join(dir, 'guest.js'), '--out', join(dir, 'guest.wasm')], { stdio: 'pipe', timeout: 90_000 });
  nodeBuilt = readFileSync(join(dir, 'guest.wasm'));
});

/** Host calls as the trace records them, minus timing and ids. */
const hostCalls = (events: Array<Record<string, unknown>>) =>
  events.filter((e) => e.kind === 'call').map((e) => ({ iface: e.iface, fn: e.fn, args: e.args, ok: e.ok, result: e.result }));

/** Builds and runs one guest; `component` bytes are fetched by the page (10+ MB is too much for evaluate's JSON). */
async function buildAndRun(page: Page, lang: 'js' | 'component', source: string) {
  const namespace = freshNamespace(`js-${lang}`);
  return page.evaluate(
    async ({ wit, lang, source, namespace }) => {
      const engine = (window as unknown as { wcpEngine: Engine }).wcpEngine;
      const input = lang === 'component' ? new Uint8Array(await (await fetch(source)).arrayBuffer()) : source;
      const built = await engine.build(wit, lang, input);
      return engine.run(built.artifact, { namespace, call: 'run', timeLimitMs: 15_000 });
    },
    { wit: WIT, lang, source, namespace },
  );
}

test('a JS guest built in the browser behaves like the same guest built by componentize-js in Node', async ({ page }) => {
  test.setTimeout(90_000);
  await openEngine(page);
  const browser = await buildAndRun(page, 'js', GUEST);
  await page.route('**/e2e-node-built.wasm', (route) => route.fulfill({ body: nodeBuilt, contentType: 'application/wasm' }));
  const node = await buildAndRun(page, 'component', '/e2e-node-built.wasm');
  expect(browser.trap).toBeUndefined();
  expect(browser.state).toBe('finished');
  expect(JSON.parse(String(browser.result))).toEqual({ b: 'BBB', missing: true, keys: ['a', 'b', 'c'], cursor: null, a: false });
  expect(node.state).toBe(browser.state);
  expect(node.result).toEqual(browser.result);
  expect(node.logs).toEqual(browser.logs);
  expect(browser.logs).toContain('stdout: b = BBB, missing = undefined');
  const calls = hostCalls(browser.events);
  expect(calls.map((c) => c.fn)).toEqual(['open', '[method]bucket.set', '[method]bucket.set', '[method]bucket.set', '[method]bucket.get', '[method]bucket.get', '[method]bucket.list-keys', '[method]bucket.delete', '[method]bucket.exists']);
  expect(hostCalls(node.events)).toEqual(calls);
});

test('a JS guest that throws shows the error and its stack in the console; syntax errors point at the line', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await page.getByTestId('example-picker').selectOption('js-kv-counter');
  await page.getByTestId('settings').click();
  await page.getByTestId('plain-editor').check();
  await page.keyboard.press('Escape');
  const editor = page.getByTestId('guest-editor').locator('textarea');
  await editor.fill(["import { open } from 'wasi:keyvalue/store@0.2.0-draft2';", 'function check(n) {', "  if (n > 0) throw new Error('counter exploded at ' + n);", '}', 'export function run() {', "  open('counters');", '  check(3);', '  return 0n;', '}', ''].join('\n'));
  await page.getByTestId('run').click();
  const console_ = page.getByTestId('console');
  await expect(console_).toContainText('counter exploded at 3', { timeout: 45_000 });
  await expect(console_).toContainText('check@source.js:3:');
  await expect(console_).toContainText('run@source.js:7:');

  // A syntax error stops the build with a marker at its line.
  await editor.fill("export function run() {\n  return 1n +;\n}\n");
  await page.getByTestId('run').click();
  await expect(page.getByTestId('console')).toContainText('guest:2:', { timeout: 30_000 });
  await expect(page.getByTestId('diagnostic').first()).toBeVisible();
});
