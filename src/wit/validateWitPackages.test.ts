import { describe, expect, it } from 'vitest';
import { componentWit } from '@bytecodealliance/jco-transpile/wasm-tools';
import { buildDummyComponent } from './jcoTestHelpers';
import { WIT_PACKAGES } from './loadWitPackages';
import { findPackageRefs, resolveWitDeps } from './resolveWitDeps';
import { parseWit } from './parseWit';

/** A tiny world that imports every interface of the package (exporting the guest-side ones). */
function worldFor(id: string): { user: string; ifaces: string[] } {
  const entry = WIT_PACKAGES.find((p) => p.id === id)!;
  const parsed = parseWit(entry.source);
  if (!parsed.ok) throw new Error(`${id}: ${parsed.error.message} at ${parsed.error.line}:${parsed.error.column}`);
  const [ns, rest] = id.split(':');
  const [name, version] = rest.split('@');
  const guestSide = new Set(['watcher', 'incoming-handler']);
  const lines = parsed.doc.packages[0].interfaces.map((i) => {
    const dir = guestSide.has(i.name) ? 'export' : 'import';
    return `  ${dir} ${ns}:${name}/${i.name}@${version};`;
  });
  return { user: `package local:check;\nworld check {\n${lines.join('\n')}\n}\n`, ifaces: parsed.doc.packages[0].interfaces.map((i) => i.name) };
}

describe('shipped WIT packages', () => {
  for (const entry of WIT_PACKAGES) {
    it(`${entry.id} embeds, componentizes and prints back`, async () => {
      const { user, ifaces } = worldFor(entry.id);
      const { source, diagnostics, packages } = resolveWitDeps(user);
      expect(diagnostics).toEqual([]);
      expect(packages).toContain(entry.id);
      const wit = await componentWit(await buildDummyComponent(source, 'check'));
      const version = entry.id.split('@')[1];
      for (const iface of ifaces) expect(wit).toContain(`/${iface}@${version}`);
    }, 60_000);

    for (const world of entry.worlds) {
      it(`${entry.id} world ${world} builds`, async () => {
        const [pkg, version] = entry.id.split('@');
        const user = `package local:w;\nworld w {\n  include ${pkg}/${world}@${version};\n}\n`;
        const { source } = resolveWitDeps(user);
        await expect(buildDummyComponent(source, 'w')).resolves.toBeInstanceOf(Uint8Array);
      }, 60_000);
    }

    it(`${entry.id} declares exactly the packages it references as deps`, () => {
      const refs = new Set(findPackageRefs(entry.source).map((r) => r.packageId));
      refs.delete(entry.id);
      expect([...refs].sort()).toEqual([...entry.deps].sort());
    });
  }

  it('wasi:cli@0.2.2 stdio signatures match upstream and share wasi:io streams', async () => {
    const cli = WIT_PACKAGES.find((p) => p.id === 'wasi:cli@0.2.2')!.source;
    expect(cli).toContain('use wasi:io/streams@0.2.2.{output-stream};');
    expect(cli).toContain('get-stdout: func() -> output-stream;');
    expect(cli).toContain('get-stderr: func() -> output-stream;');
    expect(cli).toContain('get-stdin: func() -> input-stream;');
    expect(cli).toContain('get-environment: func() -> list<tuple<string, string>>;');
    expect(cli).toContain('exit: func(status: result);');
    // A printing guest's world pulls in wasi:io and the component's WIT shows the shared type.
    const user = 'package local:p;\nworld p {\n  import wasi:cli/stdout@0.2.2;\n  export run: func();\n}\n';
    const { source, packages } = resolveWitDeps(user);
    expect(packages).toEqual(['wasi:io@0.2.2', 'wasi:cli@0.2.2']);
    const wit = await componentWit(await buildDummyComponent(source, 'p'));
    expect(wit).toContain('import wasi:io/streams@0.2.2;');
    expect(wit).toContain('import wasi:cli/stdout@0.2.2;');
  }, 60_000);

  it('keyvalue draft and draft2 differ where the digest says', () => {
    const draft = WIT_PACKAGES.find((p) => p.id === 'wasi:keyvalue@0.2.0-draft')!.source;
    const draft2 = WIT_PACKAGES.find((p) => p.id === 'wasi:keyvalue@0.2.0-draft2')!.source;
    expect(draft).toContain('delta: u64) -> result<u64, error>');
    expect(draft).not.toMatch(/resource cas|swap:/);
    expect(draft2).toContain('delta: s64) -> result<s64, error>');
    expect(draft2).toContain('swap: func(cas: cas, value: list<u8>) -> result<_, cas-error>;');
  });
});
