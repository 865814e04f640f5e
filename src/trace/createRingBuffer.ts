/**
 * Fixed-capacity FIFO: pushing past capacity overwrites the oldest item. The trace keeps
 * the last N events this way so a chatty guest (or a long demo) never grows memory.
 */
export interface RingBuffer<T> {
  push(item: T): void;
  /** Number of items held (≤ capacity). */
  readonly size: number;
  /** Total items ever pushed; lets views detect new items cheaply. */
  readonly total: number;
  /** i-th oldest item held, 0 ≤ i < size. */
  at(i: number): T | undefined;
  toArray(): T[];
  clear(): void;
}

export function createRingBuffer<T>(capacity: number): RingBuffer<T> {
  const items: (T | undefined)[] = new Array(capacity);
  let start = 0;
  let size = 0;
  let total = 0;
  return {
    push(item) {
      total++;
      if (size < capacity) {
        items[(start + size++) % capacity] = item;
      } else {
        items[start] = item;
        start = (start + 1) % capacity;
      }
    },
    get size() {
      return size;
    },
    get total() {
      return total;
    },
    at: (i) => (i < 0 || i >= size ? undefined : items[(start + i) % capacity]),
    toArray: () => Array.from({ length: size }, (_, i) => items[(start + i) % capacity] as T),
    clear() {
      start = 0;
      size = 0;
      items.fill(undefined);
    },
  };
}
