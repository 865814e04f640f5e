import type { GuestMemory } from '../protocol/runProtocol';

/**
 * How a guest's memory is put in words when it traps or is stopped. A guest that piles up
 * data meets one of two limits: its linear memory's maximum (4 GiB unless its module declares
 * less; `memory.grow` then returns -1), or, for a JavaScript guest, the engine's own heap limit,
 * which it reaches with its memory still small (measured: 77–103 MB of memory after 115,000 ropes
 * or a million small objects). Reaching either can take longer than the time limit: the
 * watchdog then stops the guest first, and the stop says the memory was growing.
 */

/** The most a 32-bit memory grows to in V8 (65,536 pages of 64 KiB), when its module declares no maximum. */
export const WASM32_MAX_BYTES = 2 ** 32;
/** One WebAssembly page: a memory with less than this left cannot grow at all. */
export const PAGE_BYTES = 65_536;
/**
 * Growth during one stopped call worth naming: more than a loop's scratch space. A loop that
 * makes garbage but keeps none measured no growth at all (the engine collects it in place).
 */
export const GROWTH_WORTH_NAMING = 16 * 2 ** 20;

/**
 * The guest's memory at a time-limit stop; `startBytes`: when the stopped call began, if known;
 * `watched`: a heartbeat during the stopped call reported it less than HEARTBEAT_STALE_MS
 * before the stop, so had it been piling up, the page would know (see wasWatched);
 * `working`: such a heartbeat said it had called a host or printed since the one before.
 */
export type MemoryAtStop = GuestMemory & { startBytes?: number; watched?: boolean; working?: boolean };

/**
 * A memory last heard of longer ago than this before a stop is unknown at the stop: heartbeats
 * come every 250 ms (guestMemory.ts SAMPLE_EVERY_MS) while a guest reads a clock or calls a
 * host; the rest is slack for a busy page.
 */
export const HEARTBEAT_STALE_MS = 1000;

/**
 * Whether the page watched the memory until a stop at `stopAt`: the last report of the stopped
 * call (`seenAt`, page time; undefined: none since it began) came at most HEARTBEAT_STALE_MS
 * before the stop. A guest busy in its own code sends none (guestMemory.ts sampleGuestMemory).
 */
export function wasWatched(seenAt: number | undefined, stopAt: number): boolean {
  return seenAt !== undefined && stopAt - seenAt <= HEARTBEAT_STALE_MS;
}

/** A size for people: "77 MB", "4096 MB", "0.5 MB" (a WAT guest's few pages). */
export function megabytes(bytes: number): string {
  const mb = bytes / 2 ** 20;
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

/** Whether the memory cannot grow by even one page: `memory.grow` returns -1 from here on. */
export function isMemoryFull(m: GuestMemory): boolean {
  return m.maxBytes - m.bytes < PAGE_BYTES;
}

/** The limit a memory stops at, in words. */
export function memoryLimit(m: GuestMemory): string {
  return m.maxBytes >= WASM32_MAX_BYTES ? `${megabytes(m.maxBytes)}, the most a guest's memory can have` : `${megabytes(m.maxBytes)}, the maximum its module declares`;
}

/**
 * Added to a trap's message when the guest's memory was full: a guest whose allocation failed
 * (memory.grow returned -1) usually ends in `unreachable` (Rust's abort, a WAT guest's own
 * check), which alone does not say why. Worded as a condition: a guest with a one-page
 * memory may trap for another reason.
 */
export function memoryFullNote(m: GuestMemory): string {
  return `its memory was full (${memoryLimit(m)}; memory.grow returns -1 there): if it asked for more, it ran out of memory`;
}

/** Whether a stopped call's memory grew by more than scratch space while it ran. */
export function grewDuringCall(m: MemoryAtStop | undefined): m is MemoryAtStop & { startBytes: number } {
  return m?.startBytes !== undefined && m.bytes - m.startBytes >= GROWTH_WORTH_NAMING;
}

/**
 * The watchdog's message. A call whose memory kept growing is told so instead of "infinite
 * loop?": it was stopped before it could run out of memory, which is where it was heading.
 * "infinite loop?" only when the memory was watched and steady until the stop: a guest that
 * read no clock and called no host may as well have been piling up data (its memory cannot be
 * read once it is stopped, and the worker runs nothing else while it is busy), so it is told
 * both. A guest still printing or calling hosts at the stop was working, not looping in place:
 * it is told the limit and where to raise it (a loop that prints forever looks the same, so
 * neither is claimed). Starts with "Stopped:", which the page keys on.
 */
export function timeLimitMessage(what: string, limitMs: number, memory?: MemoryAtStop): string {
  const why = grewDuringCall(memory) ? ` ${memoryGrewText(memory)}` : memory?.working ? ` ${WORKING_STOP}: to give it longer, raise Limit (ms) in the header` : memory?.watched ? ' (infinite loop?)' : ` ${UNWATCHED_STOP}`;
  return `Stopped: "${what}" ran longer than the ${limitMs} ms time limit${why}. The worker was terminated. Writes it made before the stop stay stored; nothing is rolled back.`;
}

/** A guest heard printing or calling hosts until the stop: more work than the limit allows, or output without end. */
const WORKING_STOP = 'while still printing or calling hosts (working, not stuck in place)';

/** Why an unwatched guest may have run past the limit: it cannot be told which. */
const UNWATCHED_STOP = 'without returning: an endless loop, or more work (or data) than the limit allows';

function memoryGrewText(memory: MemoryAtStop & { startBytes: number }): string {
  return `while its memory grew from ${megabytes(memory.startBytes)} to ${megabytes(memory.bytes)} (data piling up in a loop? It would have run out of memory)`;
}

/**
 * A time-limit stop as Check's verdict says it, after "`run` was": the same reasons as
 * timeLimitMessage without the worker and the writes that stay stored (Check runs in a
 * namespace of its own, deleted afterwards: nothing of it stays).
 */
export function checkStopText(limitMs: number, memory?: MemoryAtStop): string {
  const limit = `stopped at the time limit (${limitMs % 1000 === 0 ? `${limitMs / 1000} s` : `${limitMs} ms`})`;
  if (grewDuringCall(memory)) return `${limit} ${memoryGrewText(memory)}`;
  if (memory?.working) return `${limit} ${WORKING_STOP}: more work than the lesson's limit allows, or output without end`;
  return memory?.watched ? `${limit}: an infinite loop?` : `${limit} ${UNWATCHED_STOP}`;
}

/** Rust's standard library prints this before it aborts (then `unreachable`) when an allocation fails. */
const RUST_ALLOC_FAILED = /^memory allocation of \d+ bytes failed$/;

/** Whether a guest's stderr says an allocation failed (Rust's message), i.e. it ran out of memory. */
export function saysAllocationFailed(stderr: readonly string[]): boolean {
  return stderr.some((line) => RUST_ALLOC_FAILED.test(line.trim()));
}
