// HEAVY (≈10 s): a TypeScript guest using wasi:keyvalue resources, built through the build
// worker's entry point against the analysed world (user WIT + shipped packages).
import { describe, expect, it } from 'vitest';
import { readJsToolchainAssets } from './readJsToolchainAssets.testing';
import { analyzeWit } from '../analyzeWit';
import { componentizeGuest, rebuildGuestFiles } from './componentizeGuest';
import { instantiateTranspiled, runComponentInNode, transpileComponent } from './runComponentInNode.testing';

const USER_WIT = `package local:app;
world app {
  import wasi:keyvalue/store@0.2.0-draft2;
  export run: func() -> string;
}`;

const GUEST_TS = `
import { open } from 'wasi:keyvalue/store@0.2.0-draft2';
interface Visit { n: number }
const enc = new TextEncoder();
const dec = new TextDecoder();
export function run(): string {
  const bucket = open('visits');
  const raw: Uint8Array | undefined = bucket.get('count');
  const visit: Visit = { n: raw ? Number(dec.decode(raw)) + 1 : 1 };
  bucket.set('count', enc.encode(String(visit.n)));
  let missing = 'none';
  try { open('forbidden'); } catch (e) { missing = JSON.stringify((e as { payload: unknown }).payload); }
  // Text where the WIT takes list<u8>: the bindings alone would store zero bytes (guardListArguments.ts).
  try { bucket.set('text', 'hello' as unknown as Uint8Array); } catch (e) { missing += \`; \${e}\`; }
  return \`visit \${visit.n}; \${missing}\`;
}`;

/** In-memory wasi:keyvalue/store host in jco's import shape. */
function keyvalueHost() {
  const data = new Map<string, Uint8Array>();
  class Bucket {
    get(key: string) { return data.get(key); }
    set(key: string, value: Uint8Array) { data.set(key, value); }
  }
  return {
    open(name: string) {
      if (name === 'forbidden') throw Object.assign(new Error('denied'), { payload: { tag: 'access-denied' } });
      return new Bucket();
    },
    Bucket,
  };
}


describe('JS guest against shipped WIT packages', { timeout: 120_000 }, () => {
  it('builds a TypeScript keyvalue guest whose resources, options, lists and errors round-trip', async () => {
    const analysis = analyzeWit(USER_WIT);
    if (!analysis.ok) throw new Error(JSON.stringify(analysis.diagnostics));
    const stages: string[] = [];
    const { output: component } = await componentizeGuest({ lang: 'ts', source: GUEST_TS }, analysis.world, (s) => stages.push(s), await readJsToolchainAssets());
    expect(stages.slice(0, 2)).toEqual(['strip-types', 'load-toolchain']);
    const guest = await runComponentInNode(component, { 'wasi:keyvalue/store': keyvalueHost() });
    const wrongList = 'TypeError: expected a Uint8Array or an array of numbers for a list<u8>, received a string (encode text first: new TextEncoder().encode(text))';
    expect(guest.run()).toBe(`visit 1; {"tag":"access-denied"}; ${wrongList}`);
    expect(guest.run()).toBe(`visit 2; {"tag":"access-denied"}; ${wrongList}`);

    // JS-only edit through the fast path: patched files of the previous build run the new code.
    const previous = await transpileComponent(component);
    const { output: files } = await rebuildGuestFiles({ lang: 'ts', source: GUEST_TS.replace('visit ', 'seen ') }, analysis.world, [...previous.files], () => {}, await readJsToolchainAssets());
    const patched = await instantiateTranspiled({ ...previous, files: new Map(files) }, { 'wasi:keyvalue/store': keyvalueHost() });
    expect(patched.run()).toBe(`seen 1; {"tag":"access-denied"}; ${wrongList}`);
  });

  it('reports TypeScript syntax errors with their position before loading the engine', async () => {
    const analysis = analyzeWit(USER_WIT);
    if (!analysis.ok) throw new Error('analysis failed');
    const stages: string[] = [];
    await expect(componentizeGuest({ lang: 'ts', source: 'export function run(: string {}' }, analysis.world, (s) => stages.push(s))).rejects.toThrow(
      /^guest\.ts:1:\d+ /,
    );
    expect(stages).toEqual(['strip-types']);
  });

  it('maps engine error positions in a TypeScript guest back to the .ts source', async () => {
    const analysis = analyzeWit(USER_WIT);
    if (!analysis.ok) throw new Error('analysis failed');
    const source = ['interface A { x: number }', 'type B = A;', '', 'const n: number = 1;', "throw new Error('boom ' + n);", 'export function run(): string { return \'\'; }'].join('\n');
    await expect(componentizeGuest({ lang: 'ts', source }, analysis.world, () => {}, await readJsToolchainAssets())).rejects.toThrow(/guest\.ts:5:7 Error: boom 1/);
  });
});
