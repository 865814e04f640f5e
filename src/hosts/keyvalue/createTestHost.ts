/** Helpers shared by the keyvalue unit tests (not used by the app). */
import type { HostContext, HostPackage } from '../hostContract';
import { defaultHostConfig } from '../hostContract';
import { randomUuid } from '../../platform/randomUuid';

/** Test helper: a HostContext that records emitted events and log lines. */
export function makeTestContext(namespace: string, guest = 'guest-1', buckets: string[] = []) {
  const events: unknown[] = [];
  const logs: string[] = [];
  const ctx: HostContext = {
    config: { ...defaultHostConfig, guest, namespace, buckets },
    emit: (event) => events.push(event),
    log: (_stream, text) => logs.push(text),
  };
  return { ctx, events, logs };
}

/** Fresh namespace so tests never see each other's IndexedDB data. */
export function uniqueNamespace(): string {
  return `test-${randomUuid()}`;
}

/** Loose view of the jco import objects a keyvalue package returns. */
export interface KvImports {
  store: { open(name: string): Promise<TestBucket> };
  atomics: {
    increment(bucket: TestBucket, key: string, delta: bigint): Promise<bigint>;
    Cas: Record<'new', (bucket: TestBucket, key: string) => Promise<TestCas>>;
    swap(cas: TestCas, value: Uint8Array): Promise<void>;
  };
  batch: {
    getMany(bucket: TestBucket, keys: string[]): Promise<Array<[string, Uint8Array] | undefined>>;
    setMany(bucket: TestBucket, pairs: Array<[string, Uint8Array]>): Promise<void>;
    deleteMany(bucket: TestBucket, keys: string[]): Promise<void>;
  };
}

export interface TestBucket {
  name: string;
  get(key: string): Promise<Uint8Array | undefined>;
  set(key: string, value: Uint8Array): Promise<void>;
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  listKeys(cursor?: string | bigint): Promise<{ keys: string[]; cursor?: string | bigint }>;
}

export interface TestCas {
  current(): Uint8Array | undefined;
}

/** Instantiates a package for a test guest. */
export async function createImports(pkg: HostPackage, ctx: HostContext): Promise<KvImports> {
  return (await pkg.create(ctx)) as unknown as KvImports;
}

export const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
export const text = (value: Uint8Array | undefined): string | undefined =>
  value === undefined ? undefined : new TextDecoder().decode(value);
