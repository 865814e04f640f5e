import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { componentEmbed, componentNew } from '@bytecodealliance/jco-transpile/wasm-tools';
import { buildComponent } from './buildComponent';

const shipped = readFileSync(new URL('../../wit/keyvalue-0.2.0-draft2/keyvalue.wit', import.meta.url), 'utf8');

/** A component importing wasi:keyvalue/store@0.2.0-draft2 as `kv` declares it (dummy core module). */
async function componentWith(kv: string): Promise<Uint8Array> {
  const wit = `package local:app;\nworld app {\n  import wasi:keyvalue/store@0.2.0-draft2;\n  export run: func() -> u32;\n}\n${kv.replace(/package ([^;]+);/, 'package $1 {')}\n}\n`;
  return componentNew(await componentEmbed({ dummy: true, witSource: wit, world: 'app' }));
}

describe('opening a component checks its imported types against the host WIT', () => {
  it('accepts a component built against the shipped WIT', async () => {
    const r = await buildComponent('', { lang: 'component', bytes: await componentWith(shipped) });
    expect(r.ok ? [] : r.diagnostics.map((d) => d.message)).toEqual([]);
  }, 60_000);

  it('refuses one whose bucket.get returns another type, naming interface, function and both types', async () => {
    const changed = shipped.replace(/get: func\(key: string\) -> result<option<list<u8>>, error>;/, 'get: func(key: string) -> result<string, error>;');
    expect(changed).not.toBe(shipped);
    const r = await buildComponent('', { lang: 'component', bytes: await componentWith(changed) });
    expect(r.ok).toBe(false);
    const messages = r.ok ? [] : r.diagnostics.map((d) => d.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('wasi:keyvalue/store@0.2.0-draft2: function bucket.get differs');
    expect(messages[0]).toContain('get(key: string): string');
    expect(messages[0]).toContain('get(key: string): Uint8Array | undefined');
    // Its WIT is still shown, so the user can compare.
    expect(r.ok ? '' : r.componentWit).toContain('import wasi:keyvalue/store@0.2.0-draft2');
  }, 60_000);

  it('names a changed error variant as a type difference', async () => {
    const changed = shipped.replace(/no-such-store,/, 'no-such-store, quota-exceeded,');
    expect(changed).not.toBe(shipped);
    const r = await buildComponent('', { lang: 'component', bytes: await componentWith(changed) });
    const messages = r.ok ? [] : r.diagnostics.map((d) => d.message).join('\n');
    expect(messages).toContain('wasi:keyvalue/store@0.2.0-draft2: type error differs');
  }, 60_000);
});
