import { raw, type Method, type Op } from './benchRanges';

/** Raw IndexedDB range reads in a worker (bench/rangeProbe.ts): the same reads as the page's baseline, off the page's thread. */
self.onmessage = async (ev: MessageEvent<{ namespace: string; op: Op; method: Method; want: number }>) => {
  const { namespace, op, method, want } = ev.data;
  try {
    self.postMessage({ ms: await raw(namespace, op, method, want) });
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
};
