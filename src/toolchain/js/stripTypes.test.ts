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
});
