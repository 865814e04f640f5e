import { describe, expect, it } from 'vitest';
import { buildDummyComponent } from './jcoTestHelpers';
import { locateWitError } from './locateWitError';
import { resolveWitDeps } from './resolveWitDeps';

/** Feeds broken user WIT through the real toolchain and locates whatever it complains about. */
async function locate(user: string) {
  const resolved = resolveWitDeps(user);
  try {
    await buildDummyComponent(resolved.source, 'app');
  } catch (e) {
    return { located: locateWitError(String((e as Error).message ?? e), user, resolved), resolved };
  }
  throw new Error('expected the toolchain to reject this WIT');
}

const world = (body: string): string => `package local:app;\n\nworld app {\n${body}\n}\n`;

describe('locateWitError with real wasm-tools messages', () => {
  it('missing semicolon → end of the unterminated line', async () => {
    const { located } = await locate(world('  import wasi:keyvalue/store@0.2.0-draft2\n  export run: func();'));
    expect(located).toMatchObject({ line: 4, column: 42, via: 'parser' });
    expect(located.message).toMatch(/expected ';'/);
  });

  it('unknown type → the type name', async () => {
    const { located } = await locate(world('  import wasi:keyvalue/store@0.2.0-draft2;\n  export run: func(x: thing) -> u32;'));
    expect(located).toMatchObject({ line: 5, column: 23, endColumn: 28, via: 'search' });
    expect(located.message).toContain('thing');
  });

  it('unknown package → the reference, and resolveWitDeps lists known packages', async () => {
    const { located, resolved } = await locate(world('  // wasi:nope/store@0.1.0 in a comment is ignored\n  import wasi:nope/store@0.1.0;'));
    expect(located).toMatchObject({ line: 5, column: 10, endColumn: 31, via: 'search' });
    expect(resolved.diagnostics).toHaveLength(1);
    expect(resolved.diagnostics[0]).toMatchObject({ line: 5, column: 10, endColumn: 31 });
    expect(resolved.diagnostics[0].message).toMatch(/wasi:nope@0\.1\.0.*known packages:.*wasi:keyvalue@0\.2\.0-draft2/);
  });

  it('unknown interface in an import → the whole reference', async () => {
    const { located } = await locate(world('  import wasi:keyvalue/stor@0.2.0-draft2;'));
    expect(located).toMatchObject({ line: 4, column: 10, endColumn: 41, via: 'search' });
  });

  it('unclosed brace → the opening brace', async () => {
    const { located } = await locate('package local:app;\n\nworld app {\n  import wasi:keyvalue/store@0.2.0-draft2;\n');
    expect(located).toMatchObject({ line: 3, column: 11, via: 'parser' });
    expect(located.message).toMatch(/never closed/);
  });

  it('unknown version → the reference, with the versions on offer', async () => {
    const { located, resolved } = await locate(world('  import wasi:keyvalue/store@0.2.0-draft9;'));
    expect(located).toMatchObject({ line: 4, column: 10, via: 'search' });
    expect(resolved.diagnostics[0].message).toMatch(/known versions: wasi:keyvalue@0\.2\.0-draft2, wasi:keyvalue@0\.2\.0-draft/);
  });

  it('malformed version → the version token', async () => {
    const { located } = await locate(world('  import wasi:keyvalue/store@0.2;'));
    expect(located).toMatchObject({ line: 4, column: 30, endColumn: 33, via: 'parser' });
    expect(located.message).toMatch(/semver/);
  });

  it('missing version → resolveWitDeps says which versions exist', async () => {
    const { resolved } = await locate(world('  import wasi:keyvalue/store;'));
    expect(resolved.diagnostics[0].message).toMatch(/needs a version: use one of wasi:keyvalue@0\.2\.0-draft2/);
  });

  it('unknown local interface and unknown used type → their names', async () => {
    const a = await locate(world('  import missing-iface;'));
    expect(a.located).toMatchObject({ line: 4, column: 10, endColumn: 23, via: 'search' });
    const b = await locate(
      'package local:app;\ninterface i {\n  use wasi:keyvalue/store@0.2.0-draft2.{buckets};\n}\nworld app {\n  import i;\n}\n',
    );
    expect(b.located).toMatchObject({ line: 3, column: 41, endColumn: 48, via: 'search' });
  });

  it('duplicate export → the second definition', async () => {
    const { located } = await locate(world('  export run: func();\n  export run: func();'));
    expect(located).toMatchObject({ line: 5, column: 10, via: 'search' });
  });

  it('translates spans that point into appended packages back to the reference', () => {
    const user = world('  import wasi:keyvalue/store@0.2.0-draft2;');
    const resolved = resolveWitDeps(user);
    const line = resolved.ranges[0].startLine + 3;
    const located = locateWitError(`something odd\n --> wit:${line}:5`, user, resolved);
    expect(located).toMatchObject({ line: 4, column: 10, via: 'message', message: 'in wasi:keyvalue@0.2.0-draft2: something odd' });
    expect(locateWitError('bad thing\n --> wit:4:3', user, resolved)).toMatchObject({ line: 4, column: 3, endColumn: 9 });
  });

  it('falls back to line 1 only when nothing else matches', () => {
    expect(locateWitError('mystery failure', world('  export run: func();'))).toMatchObject({ line: 1, column: 1, via: 'fallback' });
  });
});
