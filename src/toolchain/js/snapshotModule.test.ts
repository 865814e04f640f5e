import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { describe, expect, it } from 'vitest';
import { findDataSegments } from './findDataSegments';
import { prepareModule, snapshotModule } from './snapshotModule';

const WAT = `(module
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $env_sizes (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "host" "never" (func $never))
  (memory (export "memory") 1)
  (global $count (mut i32) (i32.const 0))
  (global $big (mut i64) (i64.const 0))
  (global $f (mut f32) (f32.const 0))
  (global $d (mut f64) (f64.const 0))
  (global $k i32 (i32.const 42))
  (global $started (mut i32) (i32.const 0))
  (data (i32.const 16) "abc")
  (data $later "passive!")
  (func $start (global.set $started (i32.add (global.get $started) (i32.const 1))))
  (start $start)
  (func (export "_initialize") (global.set $count (i32.const 100)))
  (func (export "init")
    ;; environ count lands at 32, an iovec at 48 pointing at "abc" (16..19)
    (drop (call $env_sizes (i32.const 32) (i32.const 36)))
    (i32.store (i32.const 48) (i32.const 16))
    (i32.store (i32.const 52) (i32.const 3))
    (drop (call $fd_write (i32.const 1) (i32.const 48) (i32.const 1) (i32.const 56)))
    (drop (memory.grow (i32.const 2)))
    (i32.store (i32.const 131072) (i32.const 0x01020304))
    (global.set $count (i32.add (global.get $count) (i32.const 1)))
    (global.set $big (i64.const -1234567890123))
    (global.set $f (f32.const 1.5))
    (global.set $d (f64.const -2.25)))
  (func (export "count") (result i32) (global.get $count))
  (func (export "started") (result i32) (global.get $started))
  (func (export "big") (result i64) (global.get $big))
  (func (export "f") (result f32) (global.get $f))
  (func (export "d") (result f64) (global.get $d))
  (func (export "k") (result i32) (global.get $k))
  (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "copyPassive") (memory.init $later (i32.const 200) (i32.const 0) (i32.const 8)))
  (func (export "callNever") (call $never)))`;

describe('snapshotModule (Wizer replacement)', () => {
  it('bakes memory, grown pages and all global kinds into the binary and removes init exports', async () => {
    const prepared = await prepareModule(await parse(WAT));
    let stdout = '';
    const { wasm } = await snapshotModule(prepared, {
      initFunc: 'init',
      preview1: { args: [], env: { A: '1', B: '2' }, preopens: {}, onOutput: (_fd, t) => (stdout += t) },
    });
    expect(stdout).toBe('abc');
    const mod = await WebAssembly.compile(wasm as Uint8Array<ArrayBuffer>);
    const names = WebAssembly.Module.exports(mod).map((e) => e.name);
    expect(names).not.toContain('init');
    expect(names).not.toContain('_initialize');
    expect(names.some((n) => n.startsWith('__wizer'))).toBe(false);
    const { exports: x } = (await WebAssembly.instantiate(mod, {
      wasi_snapshot_preview1: { environ_sizes_get: () => 0, fd_write: () => 0 },
      host: { never: () => 0 },
    })) as unknown as { exports: Record<string, (...a: number[]) => number | bigint> & { memory: WebAssembly.Memory } };
    expect(x.count!()).toBe(101); // _initialize ran before init, neither runs again
    expect(x.started!()).toBe(1); // start ran once before the snapshot, not again
    expect(x.big!()).toBe(-1234567890123n);
    expect(x.f!()).toBe(1.5);
    expect(x.d!()).toBe(-2.25);
    expect(x.k!()).toBe(42);
    expect(x.memory.buffer.byteLength).toBe(3 * 65536);
    expect(x.load!(131072)).toBe(0x01020304);
    expect(x.load!(32)).toBe(2); // environ count written during init
    expect(new TextDecoder().decode(new Uint8Array(x.memory.buffer, 16, 3))).toBe('abc');
    x.copyPassive!(); // passive segments survive with their original index
    expect(new TextDecoder().decode(new Uint8Array(x.memory.buffer, 200, 8))).toBe('passive!');
  });

  it('names the import when initialisation calls something unavailable', async () => {
    const prepared = await prepareModule(await parse(WAT.replace('(func (export "init")', '(func (export "init") (call $never)')));
    await expect(snapshotModule(prepared, { initFunc: 'init', preview1: { args: [], env: {}, preopens: {} } })).rejects.toThrow(
      /host#never was called while pre-initialising/,
    );
  });

  it('splits memory at long zero runs and merges short gaps', () => {
    const mem = new Uint8Array(65536);
    mem.set([1, 2, 3], 5); // 5..7
    mem.set([9], 12); // short gap (4 zeros) → merged
    mem.set([7, 7], 1000); // long gap → separate
    mem[65535] = 5; // last byte
    const segs = findDataSegments(mem, 0).map((s) => [s.offset, Array.from(s.data)]);
    expect(segs).toEqual([
      [5, [1, 2, 3, 0, 0, 0, 0, 9]],
      [1000, [7, 7]],
      [65535, [5]],
    ]);
  });
});
