import { describe, expect, it } from 'vitest';
import { deriveAsyncNames, type AsyncNames } from './deriveAsyncNames';
import { buildDummyComponent, inspectJspi } from './jcoTestHelpers';
import { resolveWitDeps } from './resolveWitDeps';

const everything = `package local:app;

world app {
  import wasi:keyvalue/store@0.2.0-draft2;
  import wasi:keyvalue/atomics@0.2.0-draft2;
  import wasi:keyvalue/batch@0.2.0-draft2;
  import wasi:messaging/producer@0.2.0-draft;
  import wasi:messaging/request-reply@0.2.0-draft;
  import wasi:blobstore/blobstore@0.2.0-draft;
  import proposal:keyvalue-range/range@0.1.0;
  import proposal:messaging-ext/offsets@0.1.0;
  import proposal:blobstore-ext/blobs@0.1.0;
  import log: func(msg: string);
  import clock: interface { now: func() -> u64; }
  export wasi:messaging/incoming-handler@0.2.0-draft;
  export run: func(n: u32) -> result<string, string>;
  export api: interface { hello: func() -> string; }
}
`;

const watcher = `package local:w;
world w {
  include wasi:keyvalue/watch-service@0.2.0-draft2;
  export ping: func();
}
`;

const sort = (xs: string[]): string[] => [...xs].sort();

async function check(user: string, world: string): Promise<AsyncNames> {
  const { source, diagnostics } = resolveWitDeps(user);
  expect(diagnostics).toEqual([]);
  const names = deriveAsyncNames(source, world);
  if (!('imports' in names)) throw new Error(names.message);
  const report = await inspectJspi(await buildDummyComponent(source, world), names.imports, names.exports);
  // Our list names exactly the functions jco generates trampolines for, and jco accepted every name.
  expect(sort(names.imports)).toEqual(sort(report.allImports));
  expect(sort(report.suspendingImports)).toEqual(sort(names.imports));
  expect(sort(report.promisingExports)).toEqual(sort(names.exports));
  return names;
}

describe('deriveAsyncNames against jco generate', () => {
  it('marks every import of a large world suspending, including implied interfaces', async () => {
    const names = await check(everything, 'app');
    expect(names.imports).toContain('wasi:keyvalue/store@0.2.0-draft2#[method]bucket.get');
    expect(names.imports).toContain('wasi:keyvalue/atomics@0.2.0-draft2#[static]cas.new');
    expect(names.imports).toContain('wasi:messaging/types@0.2.0-draft#[constructor]message');
    expect(names.imports).toContain('wasi:io/streams@0.2.2#[method]output-stream.blocking-write-and-flush');
    expect(names.imports).toContain('log');
    expect(names.imports).toContain('clock#now');
    expect(names.exports).toEqual(expect.arrayContaining(['run', 'api#hello', 'wasi:messaging/incoming-handler@0.2.0-draft#handle']));
    expect(sort(names.importedPackages)).toEqual(sort([
      'wasi:keyvalue@0.2.0-draft2', 'wasi:messaging@0.2.0-draft', 'wasi:blobstore@0.2.0-draft', 'wasi:io@0.2.2',
      'proposal:keyvalue-range@0.1.0', 'proposal:messaging-ext@0.1.0', 'proposal:blobstore-ext@0.1.0',
    ]));
    expect(names.worldExports).toEqual([{ name: 'run', params: [{ name: 'n', type: 'u32' }], result: 'result<string, string>' }]);
    expect(names.worldImports.map((f) => f.name)).toEqual(['log']);
  }, 60_000);

  it('follows includes and exported watcher interfaces', async () => {
    const names = await check(watcher, 'w');
    expect(names.exports).toEqual(expect.arrayContaining([
      'ping', 'wasi:keyvalue/watcher@0.2.0-draft2#on-set', 'wasi:keyvalue/watcher@0.2.0-draft2#on-delete',
    ]));
    expect(names.importedInterfaces).toContain('wasi:keyvalue/batch@0.2.0-draft2');
  }, 60_000);

  it('does not suspend on a plain func that returns a future (the host Promise is the future)', () => {
    const user = `package local:c;
world c {
  import wasi:cli/environment@0.3.0;
  import wasi:cli/stdout@0.3.0;
  import wasi:cli/exit@0.3.0;
  export wasi:cli/run@0.3.0;
}
`;
    const { source, diagnostics } = resolveWitDeps(user);
    expect(diagnostics).toEqual([]);
    const names = deriveAsyncNames(source, 'c');
    if (!('imports' in names)) throw new Error(names.message);
    // Suspending there would deadlock: the future settles only after the guest writes the stream.
    expect(names.imports).not.toContain('wasi:cli/stdout@0.3.0#write-via-stream');
    expect(names.imports).toContain('wasi:cli/environment@0.3.0#get-arguments');
    // exit throws to end the program; a suspending trampoline would swallow the throw and hang.
    expect(names.imports).not.toContain('wasi:cli/exit@0.3.0#exit-with-code');
    expect(names.exports).toContain('wasi:cli/run@0.3.0#run');
  });

  it('reports a missing world instead of throwing', () => {
    const { source } = resolveWitDeps(watcher);
    expect(deriveAsyncNames(source, 'nope')).toMatchObject({ message: expect.stringContaining('nope') });
  });
});
