import type { MaybePromise } from './maybeAsync';
import { guestWillWait } from '../../platform/beforeGuestWaits';

/** Something a pollable waits on: a level-triggered readiness check plus a way to wait. */
export interface PollSource {
  ready(): boolean;
  /** Resolves when `ready()` may have become true. */
  wait(): Promise<void>;
}

const alwaysReady: PollSource = { ready: () => true, wait: () => Promise.resolve() };

/**
 * The `wasi:io/poll.pollable` resource. Blocking is done by returning a Promise, which
 * the toolchain's JSPI wrapping turns into a suspension of the guest.
 */
export class Pollable {
  readonly #source: PollSource;

  /** Host code creates pollables with {@link createPollable}; guests cannot construct them. */
  constructor(source: PollSource = alwaysReady) {
    this.#source = source;
  }

  ready(): boolean {
    return this.#source.ready();
  }

  block(): MaybePromise<void> {
    if (this.#source.ready()) return undefined;
    guestWillWait();
    return this.#waitUntilReady();
  }

  async #waitUntilReady(): Promise<void> {
    // Level-triggered: a wake-up is only a hint, so re-check before returning.
    while (!this.#source.ready()) await this.#source.wait();
  }
}

/**
 * Creates a pollable: with no argument it is always ready (in-memory streams); with a
 * Promise it becomes ready once the promise settles; or wrap any custom {@link PollSource}.
 */
export function createPollable(source?: PollSource | Promise<unknown>): Pollable {
  if (source instanceof Promise) {
    let settled = false;
    const done = source.then(
      () => void (settled = true),
      () => void (settled = true),
    );
    return new Pollable({ ready: () => settled, wait: () => done });
  }
  return new Pollable(source);
}

/**
 * A pollable that becomes ready after `ms` milliseconds. The runtime needs this for
 * `wasi:clocks/monotonic-clock.subscribe-duration`/`subscribe-instant`: their pollables
 * must be instances of *this* Pollable class, not preview2-shim's.
 */
export function createTimerPollable(ms: number): Pollable {
  return createPollable(new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))));
}

/**
 * WIT `poll(in: list<borrow<pollable>>) -> list<u32>`: indices of the ready pollables,
 * waiting until at least one is ready. An empty list is a guest bug (the spec says it
 * traps), so it throws a plain Error rather than returning forever-pending.
 */
export function poll(list: Pollable[]): MaybePromise<Uint32Array> {
  if (list.length === 0) throw new Error('poll: the list of pollables must not be empty');
  const readyNow = readyIndices(list);
  if (readyNow.length > 0) return readyNow;
  guestWillWait();
  return Promise.race(list.map((p) => p.block())).then(() => readyIndices(list));
}

function readyIndices(list: Pollable[]): Uint32Array {
  const ready: number[] = [];
  list.forEach((p, i) => {
    if (p.ready()) ready.push(i);
  });
  return Uint32Array.from(ready);
}
