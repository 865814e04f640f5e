/** Entries a memo keeps before it starts over: names are few in practice, but a guest may make up topics. */
export const MEMO_LIMIT = 4096;

/**
 * `make`, remembered per argument. The diagram derives the same few strings (node ids, edge
 * keys, call names) from every event of a flood; made afresh they were a fifth of what the
 * main thread allocated per message (bench/profileFloodAlloc.mjs), and allocation is what
 * starts the minor GCs that stalled the page. Event strings are shared copies
 * (src/trace/shareEventStrings.ts), so a lookup hashes a string whose hash is already
 * cached. Past `limit` entries it forgets everything and starts over: bounded memory,
 * the same results.
 */
export function memoByString<T>(make: (s: string) => T, limit = MEMO_LIMIT): (s: string) => T {
  const memo = new Map<string, T>();
  return (s) => {
    const hit = memo.get(s);
    if (hit !== undefined || memo.has(s)) return hit as T;
    if (memo.size >= limit) memo.clear();
    const made = make(s);
    memo.set(s, made);
    return made;
  };
}
