import { describe, expect, it } from 'vitest';
import { componentEmbed, componentNew, componentWit, parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { analyzeWit } from '../toolchain/analyzeWit';
import { findWitPackage } from './loadWitPackages';
import { resolveWitDeps } from './resolveWitDeps';

/** A guest that sleeps the way the messaging benches' paced producer does. */
const wit = `package local:sleeper;
world sleeper {
  import wasi:clocks/monotonic-clock@0.2.2;
  export nap: func(ms: u32);
}`;

const wat = `(module
  (import "wasi:clocks/monotonic-clock@0.2.2" "subscribe-duration" (func $after (param i64) (result i32)))
  (import "wasi:io/poll@0.2.2" "[method]pollable.block" (func $block (param i32)))
  (import "wasi:io/poll@0.2.2" "[resource-drop]pollable" (func $drop (param i32)))
  (memory (export "memory") 1)
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (i32.const 1024))
  (func (export "nap") (param $ms i32)
    (local $p i32)
    (local.set $p (call $after (i64.mul (i64.extend_i32_u (local.get $ms)) (i64.const 1000000))))
    (call $block (local.get $p))
    (call $drop (local.get $p))))`;

describe('wasi:clocks@0.2.2', () => {
  it('is appended with the wasi:io it uses when a world imports the monotonic clock', () => {
    const r = resolveWitDeps(wit);
    expect(r.diagnostics).toEqual([]);
    expect(r.packages).toEqual(['wasi:io@0.2.2', 'wasi:clocks@0.2.2']);
  });

  it('lets a WAT guest sleep on a subscribe-duration pollable (WIT resolves, the component embeds it)', async () => {
    const analysis = analyzeWit(wit);
    if (!analysis.ok) throw new Error(JSON.stringify(analysis.diagnostics));
    const core = await parse(wat);
    const component = await componentNew(await componentEmbed({ binary: core, witSource: analysis.world.source, world: analysis.world.world }));
    const text = await componentWit(component);
    expect(text).toMatch(/import wasi:clocks\/monotonic-clock@0\.2\.2;/);
    expect(text).toMatch(/import wasi:io\/poll@0\.2\.2;/);
  }, 60_000);

  it('answers for other 0.2.x versions, as wasi:cli and wasi:io do', () => {
    const older = findWitPackage('wasi:clocks@0.2.0');
    expect(older?.source).toMatch(/package wasi:clocks@0\.2\.0;/);
    expect(older?.source).toMatch(/use wasi:io\/poll@0\.2\.0\.\{pollable\}/);
    expect(older?.deps).toEqual(['wasi:io@0.2.0']);
  });
});
