import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { wrapInterface } from '../../runtime/wrapInterface';
import type { InterfaceImpl } from '../hostContract';
import { keyvalueDraft2Host } from './index';
import { bytes, makeTestContext, text, uniqueNamespace, type KvImports } from './createTestHost';

/** Every function the draft2 WIT declares, as JSPI async-import names. */
const store = 'wasi:keyvalue/store@0.2.0-draft2';
const atomics = 'wasi:keyvalue/atomics@0.2.0-draft2';
const asyncImports = new Set([
  `${store}#open`,
  ...['get', 'set', 'delete', 'exists', 'list-keys'].map((m) => `${store}#[method]bucket.${m}`),
  `${atomics}#increment`, `${atomics}#swap`, `${atomics}#[static]cas.new`, `${atomics}#[method]cas.current`,
]);

describe('keyvalue host under the runtime call wrapper', () => {
  it('works when wrapped and reports the bucket as trace target', async () => {
    const created = await keyvalueDraft2Host.create(makeTestContext(uniqueNamespace()).ctx);
    const events: { fn: string; ok: boolean; target?: unknown }[] = [];
    const sink = (event: { fn: string; ok: boolean; target?: unknown }) => void events.push(event);
    const kv = {
      store: wrapInterface(created.store as InterfaceImpl, { ifaceId: store, asyncImports, sink }),
      atomics: wrapInterface(created.atomics as InterfaceImpl, { ifaceId: atomics, asyncImports, sink }),
    } as unknown as KvImports;
    const bucket = await kv.store.open('orders');
    await bucket.set('k', bytes('v'));
    const cas = await kv.atomics.Cas.new(bucket, 'k');
    await kv.atomics.swap(cas, bytes('w'));
    expect(text(await bucket.get('k'))).toBe('w');
    expect(events.map((e) => e.fn)).toEqual([
      'open', '[method]bucket.set', '[static]cas.new', 'swap', '[method]bucket.get',
    ]);
    expect(events.every((e) => e.ok)).toBe(true);
    expect(events[1].target).toEqual({ type: 'store', name: 'orders' });
    expect(events[3].target).toEqual({ type: 'store', name: 'orders' });
  });
});
