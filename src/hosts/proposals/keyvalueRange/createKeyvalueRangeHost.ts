import { HostError, type HostContext, type HostPackage, type InterfaceImpl } from '../../hostContract';
import { backendOf } from '../../backend/backendOf';
import { keyvalueDraft2Host } from '../../keyvalue/index';
import type { BucketResource } from '../../keyvalue/index';
import { toKeyBounds } from './toKeyBounds';

/** Package id exactly as in wit/keyvalue-range-0.1.0. */
export const keyvalueRangePackageId = 'proposal:keyvalue-range@0.1.0';

/**
 * Most keys/entries one get-keys / get-range returns. Results are lists, not streams, so an
 * unbounded range over a huge bucket would be copied into guest memory whole; past this
 * the call fails with a hint instead of freezing the tab.
 */
export const MAX_RANGE_RESULTS = 10_000;

/**
 * `proposal:keyvalue-range@0.1.0` over the run's key-value storage (IndexedDB, or NATS key-value).
 *
 * The `bucket` handles come from `wasi:keyvalue@0.2.0-draft2`'s `store` interface of the
 * same run: jco checks `instanceof` against that package's Bucket class, which is created
 * per guest context. The keyvalue package memoizes its store per context, so calling its
 * `create(ctx)` here returns the very Bucket class the runtime registered for the guest.
 */
export function createKeyvalueRangeHost(keyvalue: HostPackage = keyvalueDraft2Host): HostPackage {
  return {
    id: keyvalueRangePackageId,
    description: 'Proposal (2022, unmerged): ordered range queries over keyvalue buckets — prefix, intervals, open-ended "from".',
    async create(ctx: HostContext): Promise<Record<string, InterfaceImpl>> {
      const kv = await keyvalue.create(ctx);
      const Bucket = (kv.store as { Bucket?: unknown } | undefined)?.Bucket;
      if (typeof Bucket !== 'function') throw new Error(`${keyvalue.id} has no store.Bucket class to range over`);
      // Same storage as the keyvalue host of this run (IndexedDB or NATS key-value).
      const storage = backendOf(ctx).kv(ctx.config.namespace, `${ctx.config.guest}#range`);
      const nameOf = (bucket: unknown): string => {
        if (!(bucket instanceof (Bucket as new (...a: never[]) => BucketResource))) {
          throw new HostError({ tag: 'other', val: 'not a bucket opened through wasi:keyvalue/store@0.2.0-draft2' });
        }
        return bucket.name;
      };
      return {
        range: {
          async getKeys(bucket: unknown, range: unknown): Promise<string[]> {
            const name = nameOf(bucket);
            const keys = await storage.listKeys(name, toKeyBounds(range), MAX_RANGE_RESULTS + 1);
            return checkSize(keys);
          },
          async getRange(bucket: unknown, range: unknown): Promise<Array<[string, Uint8Array]>> {
            return checkSize(await storage.readRange(nameOf(bucket), toKeyBounds(range), MAX_RANGE_RESULTS + 1));
          },
          async countRange(bucket: unknown, range: unknown): Promise<bigint> {
            return BigInt(await storage.countKeys(nameOf(bucket), toKeyBounds(range)));
          },
          async deleteRange(bucket: unknown, range: unknown): Promise<void> {
            // One IDB delete(range) request: atomic in practice, though the WIT promises less.
            await storage.deleteRange(nameOf(bucket), toKeyBounds(range));
          },
        },
      };
    },
  };
}

function checkSize<T>(items: T[]): T[] {
  if (items.length > MAX_RANGE_RESULTS) {
    throw new HostError({
      tag: 'other',
      // from(last-key) alone is no page: it still reaches the end of the bucket.
      val: `range holds more than ${MAX_RANGE_RESULTS} keys; read it in bounded pieces (a longer prefix, or interval/inclusive bounds on both ends)`,
    });
  }
  return items;
}
