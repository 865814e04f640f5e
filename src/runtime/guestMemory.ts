import type { GuestMemory } from '../protocol/runProtocol';
import { readU32, readWasmSections } from '../toolchain/readWasmSections';
import { PAGE_BYTES, WASM32_MAX_BYTES } from './describeMemory';

/**
 * The run worker's view of its guest's linear memories, for what a trap or a time-limit stop
 * says about memory (describeMemory.ts). One run at a time per worker: module state,
 * restarted by each run's {@link watchGuestMemory}.
 */

/**
 * At most one heartbeat report per this many ms: a report is a post the page handles. The
 * page takes a memory last heard of more than HEARTBEAT_STALE_MS before a stop as unknown.
 */
export const SAMPLE_EVERY_MS = 250;
/** The memory section's id in the core module binary format. */
const MEMORY_SECTION = 5;

let tracked: { memory: WebAssembly.Memory; maxBytes: number }[] = [];
let report: ((memory: GuestMemory) => void) | undefined;
let sampledAt = -Infinity;
let reportedBytes = -1;
/** A host call or a write since the last heartbeat: the guest was making progress, not only reading a clock. */
let progressed = false;

/** Starts a run's watch: earlier runs' memories are let go; reports go to `onReport` (none: the run was dropped). */
export function watchGuestMemory(onReport?: (memory: GuestMemory) => void): void {
  tracked = [];
  report = onReport;
  sampledAt = -Infinity;
  reportedBytes = -1;
  progressed = false;
}

/**
 * Tracks the memories a core instance exports. `module`: its bytes, for the maximum the
 * module declares; a memory it imports and exports again is tracked by the module defining it.
 */
export function trackInstance(instance: WebAssembly.Instance, module: Uint8Array | undefined): void {
  for (const value of Object.values(instance.exports)) {
    if (!(value instanceof WebAssembly.Memory) || tracked.some((t) => t.memory === value)) continue;
    const maxBytes = module ? declaredMaxBytes(module) : WASM32_MAX_BYTES;
    if (maxBytes !== undefined) tracked.push({ memory: value, maxBytes });
  }
}

/** The largest tracked memory now (a JS guest's engine, not its small adapters'), if any. */
export function guestMemoryUse(): GuestMemory | undefined {
  let largest: GuestMemory | undefined;
  for (const { memory, maxBytes } of tracked) {
    const bytes = memory.buffer.byteLength;
    if (!largest || bytes > largest.bytes) largest = { bytes, maxBytes };
  }
  return largest;
}

/**
 * Reports the memory when it changed since the last report (always before a Run call starts),
 * or, `always`, even unchanged: a heartbeat tells the page the memory was watched and steady.
 * `progress` rides along when the guest called a host or wrote output since the last report.
 */
export function reportGuestMemory(always = false): void {
  const use = guestMemoryUse();
  if (!use || (use.bytes === reportedBytes && !always)) return;
  reportedBytes = use.bytes;
  const progress = progressed;
  progressed = false;
  report?.(progress ? { ...use, progress } : use);
}

/**
 * A heartbeat while the guest runs; `now` is performance.now(). Called by both clocks' `now`
 * (the JavaScript engine's garbage collector reads the monotonic one at a full collection),
 * by every host call (wrapInterface.ts) and by every write to stdout or stderr. Reported even
 * unchanged, so the page knows the memory was watched until the stop: a guest busy in its
 * own code, reading no clock and calling no host (a wasm loop of memory.grow, a JavaScript
 * loop whose garbage fits the engine's nursery), never comes here, and the worker's own
 * event loop does not run meanwhile either: its memory at a stop is then unknown.
 * `progress`: a host call or a write (not a clock read). A guest stopped while still printing
 * is working, not looping in place: QA's 200,000 printed lines were called "infinite loop?".
 * Remembered until the next report, so a throttled sample still counts.
 */
export function sampleGuestMemory(now: number, progress = false): void {
  if (progress) progressed = true;
  if (!report || now - sampledAt < SAMPLE_EVERY_MS) return;
  sampledAt = now;
  reportGuestMemory(true);
}

/**
 * The maximum of the first memory a core module defines, in bytes (WASM32_MAX_BYTES when it
 * declares none), or undefined when it defines none (it imports its memory) or is unreadable.
 */
export function declaredMaxBytes(module: Uint8Array): number | undefined {
  const read = readWasmSections(module);
  const section = read?.kind === 'module' ? read.sections.find((s) => s.id === MEMORY_SECTION) : undefined;
  const count = section && readU32(module, section.start);
  if (!count || count.value === 0) return undefined;
  const flags = module[count.next];
  // Bit 0: a maximum follows; bit 2: memory64, whose limits are not a 32-bit memory's.
  if (flags & 4) return undefined;
  const min = readU32(module, count.next + 1);
  if (!min) return undefined;
  if (!(flags & 1)) return WASM32_MAX_BYTES;
  const max = readU32(module, min.next);
  return max && Math.min(max.value * PAGE_BYTES, WASM32_MAX_BYTES);
}
