import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDrivenExports } from './findDrivenExports';
import { importedPackages } from './parseConfigList';

const example = (path: string) => readFileSync(new URL(`../../src/examples/${path}`, import.meta.url), 'utf8');

describe('findDrivenExports', () => {
  it("finds the messaging host behind a handler-only guest, which imports nothing of wasi:messaging by name", () => {
    const wit = example('messaging/orderLog.wit');
    expect([...importedPackages(wit)]).toEqual(['wasi:cli@0.2.2']);
    expect(findDrivenExports(wit)).toEqual([{ pkg: 'wasi:messaging@0.2.0-draft', iface: 'incoming-handler', by: 'subscriptions' }]);
  });

  it('finds a key-value watcher (configured by buckets) and the wasmCloud and 0.3 handlers', () => {
    expect(findDrivenExports(example('keyvalue/stockWatch.wit'))).toEqual([{ pkg: 'wasi:keyvalue@0.2.0-draft2', iface: 'watcher', by: 'buckets' }]);
    expect(findDrivenExports('world w { export wasmcloud:messaging/handler@0.2.0; }')).toEqual([{ pkg: 'wasmcloud:messaging@0.2.0', iface: 'handler', by: 'subscriptions' }]);
    expect(findDrivenExports('world w {\n  export proposal:messaging-p3/incoming-handler@0.1.0;\n}')).toEqual([{ pkg: 'proposal:messaging-p3@0.1.0', iface: 'incoming-handler', by: 'subscriptions' }]);
  });

  it('leaves out exports no host calls: a run function, an interface served to other guests, an unknown version', () => {
    expect(findDrivenExports('world w {\n  export run: func() -> u32;\n  export wasi:keyvalue/store@0.2.0-draft2;\n  export wasi:cli/run@0.2.2;\n}')).toEqual([]);
    expect(findDrivenExports('world w { export wasi:messaging/incoming-handler@9.9.9; }')).toEqual([]);
  });
});
