/// <reference lib="webworker" />
import { createStore, get, set } from 'idb-keyval';

/**
 * Baseline of the key-value bench: idb-keyval doing n awaited sets then n awaited gets in
 * a dedicated worker — the same kind of thread the guest's host runs its IndexedDB calls
 * on, so the ratio measures the playground's overhead, not main thread versus worker.
 */
const VALUE = new TextEncoder().encode('a value of thirty-two bytes.....');
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (ev: MessageEvent<{ n: number }>) => {
  const { n } = ev.data;
  const store = createStore(`bench-idbkeyval-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`, 'kv');
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await set(`k-${String(i).padStart(4, '0')}`, VALUE, store);
  let hits = 0;
  for (let i = 0; i < n; i++) if (await get(`k-${String(i).padStart(4, '0')}`, store)) hits++;
  const ms = performance.now() - t0;
  scope.postMessage(hits === n ? { ms } : { error: `idb-keyval baseline found ${hits} of ${n} keys` });
};
