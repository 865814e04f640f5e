import { describe, expect, it } from 'vitest';
import { checkHostShape, hostTemplate, validatePackageId } from './hostTemplate';

describe('custom host helpers', () => {
  it('accepts versioned package ids only', () => {
    expect(validatePackageId('proposal:kv-ttl@0.1.0')).toBeUndefined();
    expect(validatePackageId('proposal:kv-ttl')).toMatch(/not a versioned/);
  });

  it('the template passes the shape check and loads as a module with create()', async () => {
    const source = hostTemplate('my:pkg@1.0.0');
    expect(checkHostShape(source)).toBeUndefined();
    const mod = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as { default: { create(ctx: unknown): Record<string, Record<string, (n: string) => number>> } };
    const logs: string[] = [];
    const impl = mod.default.create({ log: (_s: string, t: string) => logs.push(t) });
    expect(impl['my-iface'].hello('wasi')).toBe(4);
    expect(logs).toEqual(['host says hello to wasi\n']);
  });

  it('reports a missing default export without evaluating anything', () => {
    expect(checkHostShape('export default { create(ctx) { return { ')).toBeUndefined();
    expect(checkHostShape('const x = 1;')).toMatch(/export default/);
  });
});
