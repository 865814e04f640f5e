import { describe, expect, it } from 'vitest';
import { componentEmbed, componentNew, parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { isBaseInterface } from './analyzeComponentWorld';
import { readComponentImports } from './readComponentImports';
import { suspendingBaseImports } from './suspendingBaseImports';

const wit = `package local:nap;
world nap {
  import wasi:clocks/monotonic-clock@0.2.0;
  import wasi:keyvalue/store@0.2.0-draft2;
  export run: func();
}
package wasi:io@0.2.0 {
  interface poll {
    resource pollable { block: func(); }
  }
}
package wasi:clocks@0.2.0 {
  interface monotonic-clock {
    use wasi:io/poll@0.2.0.{pollable};
    subscribe-duration: func(when: u64) -> pollable;
  }
}
package wasi:keyvalue@0.2.0-draft2 {
  interface store {
    resource bucket {}
    open: func(identifier: string) -> bucket;
  }
}`;

const wat = `(module
  (import "wasi:clocks/monotonic-clock@0.2.0" "subscribe-duration" (func $after (param i64) (result i32)))
  (import "wasi:io/poll@0.2.0" "[method]pollable.block" (func $block (param i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "open" (func $open (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (i32.const 1024))
  (func (export "run") (call $block (call $after (i64.const 1)))))`;

describe('suspendingBaseImports', () => {
  it('names the base functions that may answer with a Promise, at the imported version', () => {
    const names = suspendingBaseImports(['wasi:io/poll@0.2.0', 'wasi:clocks/monotonic-clock@0.2.0', 'wasi:cli/stdout@0.2.0']);
    expect(names).toEqual(['wasi:io/poll@0.2.0#[method]pollable.block', 'wasi:io/poll@0.2.0#poll']);
    expect(suspendingBaseImports(['wasi:io/streams@0.2.6'])).toContain('wasi:io/streams@0.2.6#[method]input-stream.blocking-read');
  });
});

describe('readComponentImports', () => {
  it("reads a component's top-level import names, the implied wasi:io/poll included", async () => {
    const component = await componentNew(await componentEmbed({ binary: await parse(wat), witSource: wit, world: 'nap' }));
    const names = readComponentImports(component);
    expect(names).toEqual(['wasi:io/poll@0.2.0', 'wasi:clocks/monotonic-clock@0.2.0', 'wasi:keyvalue/store@0.2.0-draft2']);
    expect(suspendingBaseImports(names!.filter(isBaseInterface))).toEqual(['wasi:io/poll@0.2.0#[method]pollable.block', 'wasi:io/poll@0.2.0#poll']);
  });

  it('answers undefined for a core module or bytes it cannot read', async () => {
    expect(readComponentImports(await parse(wat))).toBeUndefined();
    expect(readComponentImports(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});
