import { describe, expect, it } from 'vitest';
import { createNatsSeal, halfSipHash64 } from './natsSeal';
import { CORE_START_SLACK_MS, CORE_WINDOW_MS, coreReplayCheck, createReplayGuard, createStoredClock, STORED_TRIP_MS, STORED_WINDOW_MS } from './natsReplay';

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => i);

describe('the seal of a message this browser sent', () => {
  it('is HalfSipHash-2-4 (64-bit): the reference vectors, key 00..07, input 00..n-1', () => {
    // vectors_hsip64 of the reference implementation (github.com/veorq/SipHash, vectors.h).
    expect(hex(halfSipHash64(bytes(8), bytes(0)))).toBe('218d1f59b9b83cc8');
    expect(hex(halfSipHash64(bytes(8), bytes(1)))).toBe('be552412f8387315');
    expect(hex(halfSipHash64(bytes(8), bytes(3)))).toBe('ce0f1a45f7060679');
    expect(hex(halfSipHash64(bytes(8), bytes(4)))).toBe('d5e78a175be52ea1');
    expect(hex(halfSipHash64(bytes(8), bytes(5)))).toBe('cb9d7c3f2f3db580');
  });

  it('checks out only for the same key and the same id, source, subject and payload', () => {
    const mine = createNatsSeal(bytes(8));
    const theirs = createNatsSeal(Uint8Array.from([9, 9, 9, 9, 9, 9, 9, 9]));
    const data = new TextEncoder().encode('#05');
    const seal = mine.of('m1', '/wcp/tab-me/producer', 'orders', data);
    // Its stamp (base-36 time and count) and the tag over the message and the stamp.
    expect(seal).toMatch(/^[0-9a-z]+\.[0-9a-z]+\.[0-9a-f]{16}$/);
    expect(mine.verify('m1', '/wcp/tab-me/producer', 'orders', data, seal)).toBe(true);
    expect(theirs.verify('m1', '/wcp/tab-me/producer', 'orders', data, seal)).toBe(false);
    expect(mine.verify('m2', '/wcp/tab-me/producer', 'orders', data, seal)).toBe(false);
    expect(mine.verify('m1', '/wcp/tab-me/other', 'orders', data, seal)).toBe(false);
    expect(mine.verify('m1', '/wcp/tab-me/producer', 'orders.eu', data, seal)).toBe(false);
    expect(mine.verify('m1', '/wcp/tab-me/producer', 'orders', new TextEncoder().encode('#06'), seal)).toBe(false);
    expect(mine.verify('m1', '/wcp/tab-me/producer', 'orders', data, undefined)).toBe(false);
    // A stamp moved (to pass a replay as recent) breaks the tag.
    const [time, count, tag] = seal.split('.');
    expect(mine.verify('m1', '/wcp/tab-me/producer', 'orders', data, `${(parseInt(time, 36) + 1).toString(36)}.${count}.${tag}`)).toBe(false);
  });

  it('stamps each transmission on its own: a message sent twice is two transmissions, both this browser\'s', () => {
    const mine = createNatsSeal(bytes(8));
    const data = new TextEncoder().encode('#05');
    const first = mine.of('m1', '/wcp/tab-me/producer', 'orders', data);
    const again = mine.of('m1', '/wcp/tab-me/producer', 'orders', data);
    expect(again).not.toBe(first);
    const [a, b] = [first, again].map((s) => mine.open('m1', '/wcp/tab-me/producer', 'orders', data, s));
    expect(a?.key).not.toBe(b?.key);
    expect(Math.abs((a?.sentAt ?? 0) - Date.now())).toBeLessThan(5000);
  });
});

describe('a replay guard', () => {
  const sealed = (key: string, sentAt: number) => ({ key, sentAt });
  it('admits a transmission once per core subscription, and only near its publication time', () => {
    const guard = createReplayGuard(CORE_WINDOW_MS);
    const t = 1_000_000;
    expect(guard.fresh(sealed('m1 a', t), t + 5, 1)).toBe(true);
    // Another subscription of the same receiver matching it gets its own copy.
    expect(guard.fresh(sealed('m1 a', t), t + 5, 2)).toBe(true);
    expect(guard.fresh(sealed('m1 a', t), t + 50, 1)).toBe(false);
    // A second transmission of the message (a duplicate) is another stamp.
    expect(guard.fresh(sealed('m1 b', t), t + 6, 1)).toBe(true);
    // Captured and replayed later, to a receiver that never saw it.
    expect(createReplayGuard(CORE_WINDOW_MS).fresh(sealed('m1 a', t), t + CORE_WINDOW_MS + 1, 1)).toBe(false);
  });

  it('admits a stored message again under its own stream sequence only (a redelivery, a re-read)', () => {
    const guard = createReplayGuard(STORED_WINDOW_MS);
    const t = 1_000_000;
    expect(guard.fresh(sealed('m1 a', t), t + 2, '', 7)).toBe(true);
    expect(guard.fresh(sealed('m1 a', t), t + 2, '', 7)).toBe(true);
    expect(guard.fresh(sealed('m1 a', t), t + 900, '', 12)).toBe(false);
  });

  it('refuses at a core subscription what was stamped before it existed, beyond the slack of a publication still on its way', () => {
    const now = Date.now();
    const fresh = coreReplayCheck(createReplayGuard(CORE_WINDOW_MS), 1);
    // Published just before the subscription was made, still reaching the server after its SUB.
    expect(fresh(sealed('m1 a', now - CORE_START_SLACK_MS / 2))).toBe(true);
    expect(fresh(sealed('m2 a', Date.now()))).toBe(true);
    // Sent before the subscription existed: it can only be a replay of it.
    expect(fresh(sealed('m3 a', now - CORE_START_SLACK_MS - 1000))).toBe(false);
  });

  it('learns the server clock from the quickest stored message, and refuses one stored much later than it was stamped', () => {
    const clock = createStoredClock();
    const skew = 90_000; // the server's clock 90 s ahead of this browser's
    const sent = 5_000_000;
    expect(clock.admits(sent + skew + 40, sent)).toBe(true);
    // A slower trip (a log entry held 10 ms, a stream being created) is still a trip.
    expect(clock.admits(sent + skew + 1_500, sent)).toBe(true);
    // Stored well after the quickest trip: re-published later, whatever group reads it.
    expect(clock.admits(sent + skew + STORED_TRIP_MS + 1_000, sent)).toBe(false);
    // A quicker trip seen later tightens the bound.
    expect(clock.admits(sent + skew + 5, sent)).toBe(true);
    expect(clock.admits(sent + skew + STORED_TRIP_MS + 20, sent)).toBe(false);
    // Beyond any clock difference taken for possible.
    expect(createStoredClock().admits(sent + STORED_WINDOW_MS + 1, sent)).toBe(false);
  });
});
