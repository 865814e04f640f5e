import { afterEach, describe, expect, it } from 'vitest';
import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { declaredMaxBytes, guestMemoryUse, reportGuestMemory, sampleGuestMemory, trackInstance, watchGuestMemory } from './guestMemory';
import type { GuestMemory } from '../protocol/runProtocol';
import { wrapInterface } from './wrapInterface';

const MB = 2 ** 20;
const growable = `(module
  (memory (export "memory") 1 32)
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))`;

/** Instantiates `wat` and tracks it, as loadGuest does for every core instance of a run. */
async function instantiate(wat: string, imports: WebAssembly.Imports = {}) {
  const bytes = await parse(wat);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes as BufferSource), imports);
  trackInstance(instance, bytes);
  return instance.exports as { memory: WebAssembly.Memory; grow: (pages: number) => number };
}

afterEach(() => watchGuestMemory());

describe('declaredMaxBytes', () => {
  it("reads a module's memory maximum, 4 GiB without one, nothing for an imported memory", async () => {
    expect(declaredMaxBytes(await parse(growable))).toBe(2 * MB);
    expect(declaredMaxBytes(await parse('(module (memory 1))'))).toBe(4096 * MB);
    expect(declaredMaxBytes(await parse('(module (import "env" "memory" (memory 1 8)))'))).toBeUndefined();
    expect(declaredMaxBytes(await parse('(module)'))).toBeUndefined();
  });
});

describe('the run worker watching its guest memory', () => {
  it('reports the largest memory with its maximum, once per change', async () => {
    const reports: GuestMemory[] = [];
    watchGuestMemory((m) => reports.push(m));
    const guest = await instantiate(growable);
    await instantiate('(module (memory (export "memory") 1))'); // an adapter's own small memory
    reportGuestMemory();
    reportGuestMemory();
    expect(reports).toEqual([{ bytes: 65536, maxBytes: 2 * MB }]);
    guest.grow(15);
    reportGuestMemory();
    expect(reports.at(-1)).toEqual({ bytes: MB, maxBytes: 2 * MB });
  });

  it('samples at most every 250 ms from the clock, while the guest keeps growing', async () => {
    const reports: number[] = [];
    watchGuestMemory((m) => reports.push(m.bytes));
    const guest = await instantiate(growable);
    sampleGuestMemory(1000);
    guest.grow(1);
    sampleGuestMemory(1100); // too soon: the page hears of it at the next sample
    sampleGuestMemory(1250);
    expect(reports).toEqual([65536, 131072]);
  });

  it('reports at every sample even unchanged: a heartbeat says the memory was watched and steady', async () => {
    const reports: number[] = [];
    watchGuestMemory((m) => reports.push(m.bytes));
    await instantiate(growable);
    sampleGuestMemory(1000);
    sampleGuestMemory(1250);
    sampleGuestMemory(1300); // too soon
    sampleGuestMemory(1500);
    expect(reports).toEqual([65536, 65536, 65536]);
  });

  it('hears a heartbeat at host calls too, not only clock reads', async () => {
    const reports: number[] = [];
    watchGuestMemory((m) => reports.push(m.bytes));
    await instantiate(growable);
    const host = wrapInterface({ get: () => 1 }, { ifaceId: 'wasi:keyvalue/store', asyncImports: new Set(), sink: () => undefined }) as { get(): number };
    host.get();
    expect(reports).toEqual([65536]);
  });

  it('says when the guest called a host or printed since the last heartbeat, even through a throttled sample; a clock read alone is no progress', async () => {
    const reports: GuestMemory[] = [];
    watchGuestMemory((m) => reports.push(m));
    await instantiate(growable);
    sampleGuestMemory(1000);
    sampleGuestMemory(1100, true); // too soon, but remembered
    sampleGuestMemory(1250);
    sampleGuestMemory(1500);
    expect(reports.map((m) => m.progress === true)).toEqual([false, true, false]);
    const host = wrapInterface({ get: () => 1 }, { ifaceId: 'wasi:keyvalue/store', asyncImports: new Set(), sink: () => undefined }) as { get(): number };
    watchGuestMemory((m) => reports.push(m));
    await instantiate(growable);
    host.get();
    expect(reports).toHaveLength(4);
    expect(reports.at(-1)).toMatchObject({ bytes: 65536, progress: true });
  });

  it('tracks a memory imported and exported again once, by the module that defines it', async () => {
    const guest = await instantiate(growable);
    await instantiate('(module (import "env" "memory" (memory 1)) (export "memory" (memory 0)))', { env: { memory: guest.memory } });
    expect(guestMemoryUse()).toEqual({ bytes: 65536, maxBytes: 2 * MB });
  });

  it('forgets the memories of the run before', async () => {
    await instantiate(growable);
    watchGuestMemory();
    expect(guestMemoryUse()).toBeUndefined();
  });
});
