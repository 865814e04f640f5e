import { describe, expect, it } from 'vitest';
import { hostPackages } from '../hosts/registry';
import { checkCompatibility, hostWorlds, runsOn, type CompatRow } from './checkCompatibility';

const status = (rows: CompatRow[], id: string, host: string) => rows.find((r) => r.id === id)!.cells[host]!.status;

/** Component shapes as real toolchains produce them (import/export lists of their printed WIT). */
const shapes = {
  // `jco componentize` of a JS command using key-value draft2 (componentize-js 0.23 adapter stamps 0.2.12).
  jsCommandDraft2: { imports: ['wasi:keyvalue/store@0.2.0-draft2', 'wasi:io/streams@0.2.12', 'wasi:cli/stdout@0.2.12', 'wasi:clocks/monotonic-clock@0.2.12'], exports: ['wasi:cli/run@0.2.3'] },
  // A Rust component for Wasmtime's wasi-keyvalue (draft) and wasi-config (rc.1).
  wasmtimeKv: { imports: ['wasi:keyvalue/store@0.2.0-draft', 'wasi:keyvalue/atomics@0.2.0-draft', 'wasi:config/store@0.2.0-rc.1', 'wasi:cli/environment@0.2.0'], exports: ['wasi:cli/run@0.2.0'] },
  // A Spin 3 HTTP component with key-value draft2 and Spin's config version.
  spinHttp: { imports: ['wasi:keyvalue/store@0.2.0-draft2', 'wasi:config/store@0.2.0-draft-2024-09-27', 'wasi:http/types@0.2.0'], exports: ['wasi:http/incoming-handler@0.2.0'] },
  // A wasmCloud 1.x messaging handler.
  wasmcloudHandler: { imports: ['wasmcloud:messaging/consumer@0.2.0', 'wasi:keyvalue/store@0.2.0-draft', 'wasi:config/store@0.2.0-draft'], exports: ['wasmcloud:messaging/handler@0.2.0'] },
  // Today's wasi:messaging@0.2.0-draft handler (this playground's examples).
  wasiMessagingToday: { imports: ['wasi:messaging/types@0.2.0-draft', 'wasi:messaging/producer@0.2.0-draft'], exports: ['wasi:messaging/incoming-handler@0.2.0-draft'] },
  // The 2023 consumer shape of wasi:messaging@0.2.0-draft.
  wasiMessaging2023: { imports: ['wasi:messaging/types@0.2.0-draft', 'wasi:messaging/consumer@0.2.0-draft'], exports: ['wasi:messaging/messaging-guest@0.2.0-draft'] },
  // A blobstore guest built against wasi:blobstore draft over wasi:io 0.2.2.
  blobstore: { imports: ['wasi:blobstore/blobstore@0.2.0-draft', 'wasi:blobstore/container@0.2.0-draft', 'wasi:io/streams@0.2.2'], exports: [] },
  // A WASI 0.3 command (the p3-command example; any 0.3 toolchain's command world).
  p3Command: { imports: ['wasi:cli/environment@0.3.0', 'wasi:cli/types@0.3.0', 'wasi:cli/stdout@0.3.0', 'wasi:cli/exit@0.3.0', 'wasi:clocks/monotonic-clock@0.3.1'], exports: ['wasi:cli/run@0.3.0'] },
};

describe('where would this run', () => {
  it('reads reviewed host data with sources and dates', () => {
    expect(hostWorlds.map((h) => h.id)).toEqual(['playground', 'wasmtime', 'spin', 'wasmcloud']);
    for (const h of hostWorlds) {
      expect(h.sources.length).toBeGreaterThan(0);
      expect(h.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('the playground data matches the host packages this build serves', () => {
    const playground = hostWorlds[0]!;
    const pinned = Object.keys(playground.packages).filter((p) => !playground.anyPatch.includes(p));
    const served = hostPackages.map((p) => p.id).filter((id) => !id.startsWith('proposal:') && id !== 'wasi:io@0.2.2');
    expect(new Set(pinned)).toEqual(new Set(served));
  });

  it('a componentize-js command with key-value draft2 runs here and on Spin, is a version mismatch on Wasmtime and wasmCloud', () => {
    const rows = checkCompatibility(shapes.jsCommandDraft2);
    expect(runsOn(rows)).toEqual({ playground: true, wasmtime: false, spin: true, wasmcloud: false });
    const kv = rows.find((r) => r.id === 'wasi:keyvalue/store@0.2.0-draft2')!;
    expect(kv.cells.wasmtime).toEqual({ status: 'version', note: 'serves wasi:keyvalue@0.2.0-draft' });
    expect(kv.hint).toMatch(/not link-compatible/);
    expect(status(rows, 'wasi:cli/run@0.2.3', 'wasmtime')).toBe('links');
  });

  it('a Wasmtime key-value + config command runs on Wasmtime and here; wasmCloud has another config version', () => {
    const rows = checkCompatibility(shapes.wasmtimeKv);
    expect(runsOn(rows)).toEqual({ playground: true, wasmtime: true, spin: false, wasmcloud: false });
    expect(rows.find((r) => r.id === 'wasi:config/store@0.2.0-rc.1')!.cells.wasmcloud).toEqual({ status: 'version', note: 'serves wasi:config@0.2.0-draft' });
  });

  it('a Spin HTTP component runs on Spin only (no wasi:http here)', () => {
    const rows = checkCompatibility(shapes.spinHttp);
    expect(runsOn(rows)).toEqual({ playground: false, wasmtime: false, spin: true, wasmcloud: false });
    expect(status(rows, 'wasi:http/incoming-handler@0.2.0', 'playground')).toBe('missing');
    expect(status(rows, 'wasi:config/store@0.2.0-draft-2024-09-27', 'playground')).toBe('version');
  });

  it('a wasmCloud messaging handler runs on wasmCloud and here', () => {
    expect(runsOn(checkCompatibility(shapes.wasmcloudHandler))).toEqual({ playground: true, wasmtime: false, spin: false, wasmcloud: true });
  });

  it('today’s wasi:messaging handler runs here only; the 2023 consumer shape is named as a shape mismatch', () => {
    expect(runsOn(checkCompatibility(shapes.wasiMessagingToday))).toEqual({ playground: true, wasmtime: false, spin: false, wasmcloud: false });
    const rows = checkCompatibility(shapes.wasiMessaging2023);
    expect(runsOn(rows).playground).toBe(false);
    const consumer = rows.find((r) => r.id === 'wasi:messaging/consumer@0.2.0-draft')!;
    expect(consumer.cells.playground!.status).toBe('shape');
    expect(consumer.cells.playground!.note).toMatch(/without consumer: it has types, producer, request-reply/);
    expect(consumer.hint).toMatch(/2023 shape/);
    expect(status(rows, 'wasi:messaging/messaging-guest@0.2.0-draft', 'playground')).toBe('shape');
  });

  it('a blobstore guest runs here and on wasmCloud', () => {
    expect(runsOn(checkCompatibility(shapes.blobstore))).toEqual({ playground: true, wasmtime: false, spin: false, wasmcloud: true });
  });

  it('a WASI 0.3 command runs here (any 0.3.x); hosts that serve wasi:cli 0.2 are a version mismatch', () => {
    const rows = checkCompatibility(shapes.p3Command);
    expect(runsOn(rows).playground).toBe(true);
    expect(runsOn(rows).wasmtime).toBe(false);
    expect(rows.find((r) => r.id === 'wasi:cli/run@0.3.0')!.cells.wasmtime).toEqual({ status: 'version', note: 'serves wasi:cli@0.2.x' });
    // A release candidate is not taken for 0.3.0.
    expect(status(checkCompatibility({ imports: ['wasi:cli/stdout@0.3.0-rc-2025-09-16'], exports: [] }), 'wasi:cli/stdout@0.3.0-rc-2025-09-16', 'playground')).toBe('version');
  });
});

describe('wasmCloud 1.x host data (reviewed against v1.9.2 crates/runtime/src/component/mod.rs)', () => {
  const wasmcloud = hostWorlds.find((h) => h.id === 'wasmcloud')!;
  const cell = (direction: 'import' | 'export', id: string) => checkCompatibility(direction === 'import' ? { imports: [id], exports: [] } : { imports: [], exports: [id] }, [wasmcloud])[0]!.cells.wasmcloud!;

  it('names the release, commit and file it was read from, and what the table cannot say', () => {
    expect(wasmcloud.sources.join(' ')).toContain('v1.9.2');
    expect(wasmcloud.sources.join(' ')).toContain('e79bcf9935b94395ec33c7453aa439454d1936c2');
    expect(wasmcloud.notes?.some((n) => n.includes('wRPC'))).toBe(true);
  });

  it('serves the key-value watcher export, secrets and the bus, like the runtime links them', () => {
    expect(cell('export', 'wasi:keyvalue/watcher@0.2.0-draft').status).toBe('links');
    expect(cell('import', 'wasmcloud:secrets/reveal@0.1.0-draft').status).toBe('links');
    expect(cell('import', 'wasmcloud:bus/lattice@1.0.0').status).toBe('links');
    expect(cell('import', 'wasi:config/runtime@0.2.0-draft').status).toBe('links');
  });

  it('does not run a command: wasi:cli/run is an export the host never calls', () => {
    expect(cell('export', 'wasi:cli/run@0.2.0')).toMatchObject({ status: 'shape' });
    expect(runsOn(checkCompatibility(shapes.jsCommandDraft2)).wasmcloud).toBe(false);
  });

  it('says an import it does not build in can still be linked over wRPC', () => {
    expect(cell('import', 'acme:cache/get@1.0.0')).toEqual({ status: 'missing', note: wasmcloud.otherImports });
    // Other hosts keep a bare "missing".
    expect(checkCompatibility({ imports: ['acme:cache/get@1.0.0'], exports: [] })[0]!.cells.wasmtime).toEqual({ status: 'missing' });
  });
});
