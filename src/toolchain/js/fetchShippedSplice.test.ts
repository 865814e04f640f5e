// HEAVY (≈30 s on 2 cores): the js-kv-counter example's world spliced and its shell built as the
// build's plugin does (spliceShippedWorlds), gzipped and served over http, then fetched back as
// the build worker does (findShippedSplice: exact key and stamp, progress, DecompressionStream),
// taken by spliceForWorld without loading the engine or the splicer, and the example built from
// it with EMPTY engine and adapter binaries (so neither can have been used) and run.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import counterJs from '../../examples/js/counter.js?raw';
import { componentizeJs } from './componentizeInBrowser';
import { setEngineProgressListener, type EngineProgress } from './engineProgress';
import { findShippedSplice, type ShippedSpliceEntry } from './fetchShippedSplice';
import { listShippedWorlds } from './listShippedWorlds';
import { COMPONENTIZE_JS_VERSION } from './loadJsToolchainAssets';
import { packShippedSplice, unpackShippedSplice } from './packShippedSplice';
import { spliceForWorld, type SpliceSource } from './spliceForWorld';
import { spliceShippedWorlds, type MadeSplice } from './spliceShippedWorlds';
import { runComponentInNode } from './runComponentInNode.testing';
import { sameBytes } from '../../platform/sameBytes';

const root = new URL('../../../', import.meta.url);
const world = listShippedWorlds().find((w) => w.guests.includes('js-counter'))!;
let made: MadeSplice;
let gzipped: Uint8Array;
let server: Server;
let base = '';

beforeAll(async () => {
  const [engine, adapter] = await Promise.all([
    readFile(new URL('node_modules/@bytecodealliance/componentize-js/lib/starlingmonkey_embedding.wasm', root)),
    readFile(new URL('node_modules/@bytecodealliance/jco/lib/wasi_snapshot_preview1.reactor.wasm', root)),
  ]);
  [made] = (await spliceShippedWorlds(new Uint8Array(engine), new Uint8Array(adapter), [world])) as [MadeSplice];
  gzipped = gzipSync(made.packed);
  server = createServer((req, res) => {
    if (req.url !== '/counter.bin') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-length': String(gzipped.length), 'content-type': 'application/octet-stream' }).end(gzipped);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 180_000);
afterAll(() => {
  setEngineProgressListener(undefined);
  server?.close();
});

const entry = (over: Partial<ShippedSpliceEntry> = {}): ShippedSpliceEntry => ({ key: world.key, url: `${base}/counter.bin`, componentizeJs: COMPONENTIZE_JS_VERSION, bytes: made.packed.length, ...over });

describe('a shipped splice', { timeout: 180_000 }, () => {
  it('is found only under its exact key and engine, and fetched, decompressed and unpacked whole', async () => {
    expect(await findShippedSplice(world.key.slice(0, -1), [entry()])).toBeUndefined();
    expect(await findShippedSplice(world.key, [entry({ componentizeJs: '0.0.1' })])).toBeUndefined();
    const events: EngineProgress[] = [];
    setEngineProgressListener((p) => events.push(p));
    const fetchIt = await findShippedSplice(world.key, [entry({ key: 'another world' }), entry()]);
    const body = await fetchIt!();
    // What the plugin packed, byte for byte.
    // (sameBytes: toEqual walks a typed array's indices as keys, megabytes of them.)
    expect(sameBytes(packShippedSplice(body), made.packed)).toBe(true);
    // The progress says what really came over the wire: the gzipped file.
    expect(events.at(-1)).toEqual({ stage: 'ready', loaded: gzipped.length, total: gzipped.length });
    expect(events.some((e) => e.stage === 'download')).toBe(true);
    // A damaged file is refused, not half used.
    const damaged = made.packed.slice();
    damaged.fill(0, made.packed.length - 9_000_000, made.packed.length - 8_000_000);
    const cut = made.packed.slice(0, made.packed.length - 100);
    expect(() => unpackShippedSplice(made.packed.subarray(1))).toThrow(/not a shipped splice/);
    expect(() => unpackShippedSplice(cut)).not.toThrow(); // only the tail module is shorter: still wasm-headed
    expect(unpackShippedSplice(damaged).wasm.length).toBe(body.wasm.length);
  });

  it('stands in for the engine, the splicer and the shell: the example builds from it and runs', async () => {
    const stages: string[] = [];
    let loads = 0;
    const source: SpliceSource = {
      persist: false,
      onStage: (s) => stages.push(s),
      findShipped: (key) => findShippedSplice(key, [entry()]),
      load: async () => {
        loads++;
        throw new Error('the engine was loaded');
      },
    };
    const { world: spliced } = await spliceForWorld(source, world.witSource, world.worldName, world.features);
    expect(loads).toBe(0);
    expect(stages).toEqual(['shipped-engine']);
    expect(spliced.shellBindingsDue).toBe(true);
    const shell = await spliced.shell!;
    expect(sameBytes(shell.component, unpackShippedSplice(made.packed).shell.component)).toBe(true);

    // The build finds the world in memory, shell included: empty engine and adapter bytes prove
    // that neither the splicer (which would need both) nor componentNew ran.
    const empty = { engine: new Uint8Array(0), adapter: new Uint8Array(0) };
    const built = await componentizeJs({ source: counterJs, witSource: world.witSource, worldName: world.worldName, assets: empty });
    expect(built.timings.stubWasiMs).toBe(0);
    expect(built.timings.componentNewMs).toBe(0);
    const counts = new Map<string, bigint>();
    class Bucket {
      constructor(readonly name: string) {}
    }
    const guest = await runComponentInNode(built.component, {
      'wasi:keyvalue/store': { open: (name: string) => new Bucket(name), Bucket },
      'wasi:keyvalue/atomics': {
        // The world's atomics interface also declares `cas` and `swap`, unused by the guest.
        Cas: class {},
        swap: () => {
          throw new Error('not used by the counter');
        },
        increment: (bucket: Bucket, key: string, delta: bigint) => {
          const next = (counts.get(`${bucket.name}/${key}`) ?? 0n) + delta;
          counts.set(`${bucket.name}/${key}`, next);
          return next;
        },
      },
    });
    expect(guest.run()).toBe(1n);
    expect(guest.run()).toBe(2n);
  });

  it('falls back to splicing when its file cannot be fetched', async () => {
    let loads = 0;
    const source: SpliceSource = {
      persist: false,
      findShipped: (key) => findShippedSplice(key, [entry({ key, url: `${base}/missing.bin` })]),
      load: async () => {
        loads++;
        throw new Error('fell back to the splicer');
      },
    };
    // Another feature set: a key no earlier test put in the in-memory cache.
    await expect(spliceForWorld(source, world.witSource, world.worldName, ['stdio'])).rejects.toThrow(/fell back to the splicer/);
    expect(loads).toBe(1);
  });
});
