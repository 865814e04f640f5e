import { describe, expect, it } from 'vitest';
import { listWitNames } from './listWitNames';

describe('listWitNames', () => {
  it('names every shipped interface and world as an import line spells it, with its doc comment', () => {
    const names = listWitNames();
    const store = names.find((n) => n.id === 'wasi:keyvalue/store@0.2.0-draft2')!;
    expect(store).toMatchObject({ kind: 'interface', status: 'standard' });
    expect(store.summary).toMatch(/Key-value store/);
    expect(store.doc).toBe('Basic get/set/delete on a bucket. Consistency is at least "read your writes"\nfor the same client.');
    expect(names.map((n) => n.id)).toEqual(expect.arrayContaining(['wasi:keyvalue/atomics@0.2.0-draft2', 'wasi:keyvalue/store@0.2.0-draft', 'wasi:messaging/producer@0.2.0-draft', 'wasi:blobstore/container@0.2.0-draft', 'wasmcloud:messaging/consumer@0.2.0']));
    expect(names.find((n) => n.id === 'wasi:messaging/imports@0.2.0-draft')?.kind).toBe('world');
    // Standard drafts come before the proposals.
    const firstProposal = names.findIndex((n) => n.status === 'proposal');
    expect(firstProposal).toBeGreaterThan(0);
    expect(names.slice(firstProposal).every((n) => n.status === 'proposal')).toBe(true);
    expect(names.find((n) => n.id === 'proposal:keyvalue-range/range@0.1.0')?.kind).toBe('interface');
    expect(names.some((n) => n.doc.length > 0)).toBe(true);
    expect(new Set(names.map((n) => n.id)).size).toBe(names.length);
  });
});
