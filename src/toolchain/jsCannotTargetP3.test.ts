import { describe, expect, it } from 'vitest';
import { buildComponent, findAsyncWit } from './buildComponent';

describe('JavaScript guests and WASI 0.3 worlds', () => {
  it('finds async funcs, streams and futures but not mentions in comments', () => {
    expect(findAsyncWit('world w { export run: async func(); }')).toBe('async func');
    expect(findAsyncWit('interface i { f: func() -> stream<u8>; }')).toBe('stream<');
    expect(findAsyncWit('/// an async func would be nicer\nworld w { export run: func(); }')).toBeUndefined();
  });

  it('refuses a JS guest whose WIT uses the 0.3 proposals, naming the upstream issue', async () => {
    const wit = 'package local:js-p3;\nworld app {\n  import proposal:keyvalue-p3/store@0.1.0;\n  export run: func() -> string;\n}\n';
    const outcome = await buildComponent(wit, { lang: 'js', source: 'export function run() { return "x"; }' }, {
      componentize: async () => {
        throw new Error('componentize must not be reached');
      },
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.diagnostics[0].message).toMatch(/JavaScript guests cannot target WASI 0\.3 yet: this world uses `async func`/);
    expect(outcome.diagnostics[0].message).toContain('https://github.com/bytecodealliance/ComponentizeJS/issues/335');
  });
});
