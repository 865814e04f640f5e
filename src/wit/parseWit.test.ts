import { describe, expect, it } from 'vitest';
import { parseWit } from './parseWit';
import { WIT_PACKAGES } from './loadWitPackages';
import type { WitDocument } from './witModel';

function parseOk(src: string): WitDocument {
  const r = parseWit(src);
  if (!r.ok) throw new Error(`${r.error.line}:${r.error.column} ${r.error.message}`);
  return r.doc;
}

describe('parseWit', () => {
  it('parses every shipped package', () => {
    for (const p of WIT_PACKAGES) expect(parseOk(p.source).packages[0].id).toBe(p.id);
  });

  it('reads resources with constructor, methods and statics under jco names', () => {
    const doc = parseOk(WIT_PACKAGES.find((p) => p.id === 'wasi:messaging@0.2.0-draft')!.source);
    const types = doc.packages[0].interfaces.find((i) => i.name === 'types')!;
    const names = types.functions.map((f) => f.jcoName);
    expect(names).toContain('[static]client.connect');
    expect(names).toContain('[method]client.disconnect');
    expect(names).toContain('[constructor]message');
    expect(names).toContain('[method]message.set-metadata');
    expect(types.types.map((t) => `${t.kind}:${t.name}`)).toEqual(
      ['resource:client', 'variant:error', 'alias:metadata', 'alias:topic', 'resource:message'],
    );
    const connect = types.functions.find((f) => f.jcoName === '[static]client.connect')!;
    expect(connect).toMatchObject({ kind: 'static', resource: 'client', params: [{ name: 'name', type: 'string' }], result: 'result<client, error>' });
  });

  it('reads worlds: imports, exports, inline funcs and interfaces, includes, uses', () => {
    const doc = parseOk(`package local:app@1.0.0;
      /* block /* nested */ comment */
      interface helpers { record point { x: s32, y: s32 } flags perms { read, write } enum color { red, %type } }
      world app {
        use helpers.{point as pt};
        include wasi:keyvalue/imports@0.2.0-draft2 with { get as fetch };
        import wasi:messaging/producer@0.2.0-draft;
        import helpers;
        export run: func(p: pt, xs: list<tuple<string, option<u8>>>) -> result<_, string>;
        import cb: async func();
        export api: interface { hello: func() -> string; }
      }`);
    const [pkg] = doc.packages;
    expect(pkg).toMatchObject({ id: 'local:app@1.0.0', namespace: 'local', name: 'app', version: '1.0.0' });
    expect(pkg.interfaces[0].types.map((t) => t.kind)).toEqual(['record', 'flags', 'enum']);
    const w = pkg.worlds[0];
    expect(w.uses[0].names).toMatchObject([{ name: 'point', as: 'pt' }]);
    expect(w.includes[0].path).toMatchObject({ kind: 'foreign', namespace: 'wasi', package: 'keyvalue', name: 'imports', version: '0.2.0-draft2' });
    const run = w.items.find((i) => i.kind === 'function' && i.name === 'run');
    expect(run).toMatchObject({
      direction: 'export',
      func: { params: [{ name: 'p', type: 'pt' }, { name: 'xs', type: 'list<tuple<string, option<u8>>>' }], result: 'result<_, string>' },
    });
    expect(w.items.map((i) => `${i.direction}:${i.kind}`)).toEqual(
      ['import:path', 'import:path', 'export:function', 'import:function', 'export:interface'],
    );
  });

  it('reads nested packages after the main one, and skips @since gates', () => {
    const doc = parseOk(`package local:app;
world app { import a:b/c@0.1.0; }
package a:b@0.1.0 {
  @since(version = 0.1.0)
  interface c { @since(version = 0.1.0) f: func(); }
}`);
    expect(doc.packages.map((p) => [p.id, p.nested])).toEqual([['local:app', false], ['a:b@0.1.0', true]]);
    expect(doc.packages[1].interfaces[0].functions[0].name).toBe('f');
  });

  it.each([
    ['missing semicolon', 'package a:b;\ninterface i {\n  f: func()\n  g: func();\n}', 3, 12, /expected ';'/],
    ['keyword as name', 'package a:b;\ninterface type {}', 2, 11, /expected an interface name, found keyword 'type'/],
    ['unclosed brace', 'package a:b;\nworld w {\n  import x;\n', 2, 9, /opened on line 2 is never closed/],
    ['bad type', 'package a:b;\ninterface i { f: func(x: list<>); }', 2, 31, /expected a type, found '>'/],
    ['stray token', 'package a:b;\n\n  42', 3, 3, /expected 'package', 'interface', 'world' or 'use'/],
    ['bad character', 'package a:b;\nworld w { import x$; }', 2, 19, /unexpected character '\$'/],
    ['late package', 'interface i {}\npackage a:b;', 2, 1, /must come first/],
  ])('reports %s with a 1-based position', (_label, src, line, column, message) => {
    const r = parseWit(src);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ line, column });
    expect(r.error.endColumn).toBeGreaterThan(r.error.column);
    expect(r.error.message).toMatch(message);
  });
});
