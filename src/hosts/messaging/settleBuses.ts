/** Buses of this worker with packets waiting, for {@link flushAllBuses}. */
const unflushed = new Set<{ flush(): void }>();

/**
 * Sends every packet still waiting in a burst (see openBus). The run worker calls it before
 * reporting that a call returned, after which the main thread may terminate the worker.
 */
export function flushAllBuses(): void {
  const buses = [...unflushed];
  unflushed.clear();
  for (const bus of buses) bus.flush();
}

/** Puts a bus with sends waiting (a browser bus's burst, a NATS bus's batch) on {@link flushAllBuses}'s list. */
export function markUnflushed(bus: { flush(): void }): void {
  unflushed.add(bus);
}

/** Buses of this worker whose sends may still be on their way to a server, for {@link settleAllBuses}. */
const unsettled = new Set<{ settle(): Promise<void> }>();

/**
 * Marks a bus (NATS) as having sends that may not have reached its server yet: the browser
 * drops what a WebSocket still buffers when the worker is terminated, and a batched flood
 * hands the socket hundreds of kilobytes at once. `settle` resolves once they arrived.
 * Subscriptions (a SUB frame, a JetStream consumer being created, a key-value watch) mark
 * themselves too: `settle` then resolves once the server has them.
 */
export function markUnsettled(bus: { settle(): Promise<void> }): void {
  unsettled.add(bus);
}

/** How long a result (or a guest's start) waits for a server (down or slow: it goes out anyway). */
const SETTLE_LIMIT_MS = 2000;

/**
 * Waits until every send and subscription of this worker's server-backed buses reached the
 * server (at most SETTLE_LIMIT_MS). The run worker calls it before reporting that a call
 * returned, after which the main thread may terminate this worker.
 */
export async function settleAllBuses(): Promise<void> {
  await settlingBuses();
}

/**
 * {@link settleAllBuses}, but undefined (nothing to await) when nothing is unsettled: the
 * browser backend never marks anything, so a guest's start there does not wait even a
 * microtask. The run worker awaits it before reporting a guest instantiated: the page then
 * shows it serving and starts producers in other workers, whose sends must find the server
 * already holding the guest's subscriptions (a new subscriber never gets what came before).
 */
export function settlingBuses(): Promise<void> | undefined {
  flushAllBuses();
  if (unsettled.size === 0) return undefined;
  const buses = [...unsettled];
  unsettled.clear();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, SETTLE_LIMIT_MS)));
  return Promise.race([Promise.allSettled(buses.map((b) => b.settle())), limit]).then(() => clearTimeout(timer));
}

/** Takes a bus that sent its waiting packets off {@link flushAllBuses}'s list. */
export function forgetUnflushed(bus: { flush(): void }): void {
  unflushed.delete(bus);
}
