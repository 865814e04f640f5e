import { describe, expect, it } from 'vitest';
import { stripTypes } from './stripTypes';

describe('stripTypes', () => {
  it('erases annotations, interfaces and type-only imports but keeps runtime imports and enums', async () => {
    const { code, errors } = await stripTypes(`
import { get, type Bucket } from 'wasi:keyvalue/store';
interface Item { id: number; tags?: string[] }
enum Mode { Fast = 1, Slow }
const items: Item[] = [{ id: 1 }];
export function run(limit: number = 2): string {
  const b = get('x') as unknown as Bucket;
  return \`\${items.length satisfies number}:\${Mode.Slow}:\${limit}:\${typeof b}\`;
}`);
    expect(errors).toEqual([]);
    expect(code).toContain("import { get } from 'wasi:keyvalue/store'");
    expect(code).not.toMatch(/interface Item|: Item\[\]|as unknown|satisfies|type Bucket/);
    const mod = (await import(`data:text/javascript,${encodeURIComponent(code.replace(/^import .*$/m, 'const get = () => 7;'))}`)) as {
      run: () => string;
    };
    expect(mod.run()).toBe('1:2:2:number');
  });

  it('reports syntax errors with line and column', async () => {
    const { errors } = await stripTypes('export function run(: string {\n}', 'guest.ts');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/^guest\.ts:1:\d+ /);
  });

  it('points a redeclaration reported in the stripped JS at both TypeScript lines, excerpt and caret included', async () => {
    // `let x` at line 9 and again at line 20; the interfaces above vanish from the JS, shifting lines.
    const ts = ['interface Visit { n: number }', 'type Name = string;', 'interface Other {', '  a: string;', '}', 'const greet = (n: Name): string => `hi ${n}`;', '', 'export function run(): string {', '  let x: number = 1;']
      .concat(Array.from({ length: 10 }, (_, i) => `  // filler ${i + 10}`), ['  let x: number = 2;', '  return greet(String(x));', '}', ''])
      .join('\n');
    const stripped = await stripTypes(ts, 'guest.ts');
    const js = stripped.code.split('\n');
    const first = js.findIndex((l) => l.includes('let x = 1')) + 1;
    const second = js.findIndex((l) => l.includes('let x = 2')) + 1;
    expect(second).toBeLessThan(20); // the JS really is shifted
    const col = (line: number) => js[line - 1]!.indexOf('x =') + 1;
    const at = `source.js:${second}:${col(second)}`;
    // What StarlingMonkey prints for it (the shape seen from the real engine).
    const engine = [
      'Exception while evaluating top-level script',
      `${at} SyntaxError: redeclaration of let x:`,
      `${at} ${js[second - 1]}`,
      `${at} ${'.'.repeat(col(second) - 1)}^`,
      `source.js:${first}:${col(first)} note: Previously declared at line ${first}, column ${col(first)}`,
    ].join('\n');
    expect(stripped.mapMessage(engine, 'source.js').split('\n')).toEqual([
      'Exception while evaluating top-level script',
      'guest.ts:20:7 SyntaxError: redeclaration of let x:',
      'guest.ts:20:7   let x: number = 2;',
      'guest.ts:20:7 ......^',
      'guest.ts:9:7 note: Previously declared at line 9, column 7',
    ]);
    expect(JSON.parse(stripped.sourceMap)).toHaveProperty('mappings');
  });
});
