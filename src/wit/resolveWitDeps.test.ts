import { describe, expect, it } from 'vitest';
import { findPackageRefs, nestPackage, resolveWitDeps } from './resolveWitDeps';
import { WIT_PACKAGES, findWitPackage } from './loadWitPackages';
import { parseWit } from './parseWit';

const user = `package local:app;

// wasi:messaging/producer@0.2.0-draft is only mentioned in a comment
world app {
  import proposal:blobstore-ext/ranges@0.1.0;
  import wasi:keyvalue/store@0.2.0-draft2;
  import wasi:keyvalue/batch@0.2.0-draft2;
  export run: func();
}`;

describe('resolveWitDeps', () => {
  it('appends referenced packages transitively, dependencies first, keeping user lines', () => {
    const r = resolveWitDeps(user);
    expect(r.diagnostics).toEqual([]);
    expect(r.packages).toEqual(['wasi:io@0.2.2', 'wasi:blobstore@0.2.0-draft', 'proposal:blobstore-ext@0.1.0', 'wasi:keyvalue@0.2.0-draft2']);
    const lines = r.source.split('\n');
    expect(lines.slice(0, r.userLineCount)).toEqual(user.split('\n'));
    for (const range of r.ranges) {
      const block = lines.slice(range.startLine - 1, range.endLine).join('\n');
      expect(block).toMatch(new RegExp(`package ${range.id.replace(/[.]/g, '\\.')} \\{`));
      expect(lines[range.endLine - 1]).toBe('}');
    }
    const parsed = parseWit(r.source);
    expect(parsed.ok && parsed.doc.packages.map((p) => p.id)).toEqual(['local:app', ...r.packages]);
  });

  it('does not append a package the user declares', () => {
    const io = nestPackage(findWitPackage('wasi:io@0.2.2')!);
    const own = `package local:app;\nworld app { import wasi:blobstore/blobstore@0.2.0-draft; }\n${io}`;
    const r = resolveWitDeps(own);
    expect(r.packages).toEqual(['wasi:blobstore@0.2.0-draft']);
    expect(r.source.match(/package wasi:io@0\.2\.2 \{/g)).toHaveLength(1);
  });

  it('returns the text unchanged (plus a newline) when nothing is referenced', () => {
    const r = resolveWitDeps('package local:app;\nworld app { export run: func(x: u32); }');
    expect(r).toMatchObject({ packages: [], diagnostics: [], userLineCount: 2 });
    expect(r.source).toBe('package local:app;\nworld app { export run: func(x: u32); }\n');
  });

  it('names unknown packages and the known ones', () => {
    const r = resolveWitDeps('package local:app;\nworld app {\n  import acme:queue/jobs@1.0.0;\n}');
    expect(r.diagnostics).toEqual([{
      line: 3, column: 10, endColumn: 31,
      message: `unknown package 'acme:queue@1.0.0'; known packages: ${WIT_PACKAGES.map((p) => p.id).join(', ')}, local:app`,
    }]);
  });

  it('asks for a package declaration when there is none', () => {
    const r = resolveWitDeps('world app {\n  export run: func();\n}');
    expect(r.diagnostics).toEqual([{ line: 1, column: 1, endColumn: 2, message: expect.stringMatching(/package local:app;/) }]);
  });

  it('finds references but not parameter types like x:u32', () => {
    const refs = findPackageRefs('world w { export f: func(x:u32); import a:b/c; include d:e/f@1.2.3-rc.1; }');
    expect(refs.map((r) => r.packageId)).toEqual(['a:b', 'd:e@1.2.3-rc.1']);
  });
});
