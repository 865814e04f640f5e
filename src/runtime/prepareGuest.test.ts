import { describe, expect, it } from 'vitest';
import { keepLoaded, pickLoadedAhead, prepareGuest, type GuestBindings } from './prepareGuest';

// The smallest valid core module: "\0asm" version 1.
const EMPTY_MODULE = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);

describe('prepareGuest with what a recycled worker kept', () => {
  const js = new TextEncoder().encode('export function instantiate() {}');
  const mod: GuestBindings = { instantiate: () => ({}) };
  const core = new WebAssembly.Module(EMPTY_MODULE);
  const kept = keepLoaded(js, mod, new Map([['guest.core.wasm', { bytes: EMPTY_MODULE, module: core }]]));

  it('takes the kept module and compiled cores for identical bytes, without importing again', () => {
    const p = prepareGuest([['guest.js', js.slice()], ['guest.core.wasm', EMPTY_MODULE.slice()]], kept)!;
    expect(p.js.ready).toBe(mod);
    expect(p.cores.get('guest.core.wasm')?.ready).toBe(core);
  });

  it('compiles anew where the bytes differ, and keeps nothing over the size limit', () => {
    const other = new Uint8Array([...EMPTY_MODULE, 0, 1, 0]); // plus an empty custom section
    const p = prepareGuest([['guest.js', js.slice()], ['guest.core.wasm', other]], kept)!;
    expect(p.js.ready).toBe(mod);
    expect(p.cores.get('guest.core.wasm')?.ready).not.toBe(core);
    const big = new Uint8Array(600 * 1024);
    expect(keepLoaded(js, mod, new Map([['big.wasm', { bytes: big, module: core }]])).cores.size).toBe(0);
  });
});

describe('pickLoadedAhead: what a run takes from its worker', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const handlerJs = enc('export function instantiate() { /* handler */ }');
  const producerJs = enc('export function instantiate() { /* producer */ }');
  const core = new WebAssembly.Module(EMPTY_MODULE);
  const handlerMod: GuestBindings = { instantiate: () => ({ handler: true }) };
  const kept = keepLoaded(handlerJs, handlerMod, new Map([['h.core.wasm', { bytes: EMPTY_MODULE, module: core }]]));
  const preparedProducer = { js: { bytes: producerJs, loading: Promise.resolve({}), ready: {} }, cores: new Map() };

  it('takes the kept handler bindings although the spare was told to prepare the producer', () => {
    const ahead = pickLoadedAhead([['h.js', handlerJs.slice()]], preparedProducer, kept, false)!;
    expect(ahead.js.ready).toBe(handlerMod);
    expect(ahead.jsKnown).toBe(true);
    expect(ahead.cores.get('h.core.wasm')?.ready).toBe(core);
  });

  it('takes the preparation the page vouched for, and otherwise leaves the byte check to loadGuest', () => {
    expect(pickLoadedAhead([['p.js', producerJs.slice()]], preparedProducer, kept, true)?.js).toBe(preparedProducer.js);
    const other = pickLoadedAhead([['o.js', enc('other')]], preparedProducer, kept, false)!;
    expect(other.js).toBe(preparedProducer.js);
    expect(other.jsKnown).toBeUndefined();
    expect(pickLoadedAhead([['o.js', enc('other')]], undefined, kept, false)).toBe(kept);
  });
});
