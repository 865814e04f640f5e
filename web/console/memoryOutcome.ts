import { grewDuringCall, isMemoryFull, saysAllocationFailed, type MemoryAtStop } from '../../src/index';

/** A trap or time-limit stop of one guest, as the runner saw it. */
export interface StopSeen {
  /** The trap's (or the watchdog's, "Stopped: …") message. */
  message: string;
  /** The guest's memory at the trap, or at the stop with `startBytes` (see GuestListener.onTrap). */
  memory?: MemoryAtStop;
  /** The guest's stderr during the run. */
  stderr: readonly string[];
  /** A JavaScript guest's trap that explainJsTrap found to be out of memory. */
  outOfMemory?: boolean;
}

/**
 * What the run status says of a stop that memory explains, or undefined for the plain
 * "trapped" / "stopped: time limit": the status is what a room reads first, and "trapped"
 * says nothing of a guest that filled its memory.
 */
export function memoryOutcome(guest: string, stop: StopSeen): string | undefined {
  if (/^Stopped:/.test(stop.message)) return grewDuringCall(stop.memory) ? 'stopped: time limit, memory growing' : undefined;
  if (stop.outOfMemory || saysAllocationFailed(stop.stderr)) return `${guest} ran out of memory`;
  // A wasm trap (describeError's prefix) with no room left: the run worker's message says why.
  if (stop.memory && isMemoryFull(stop.memory) && /^guest trapped:/.test(stop.message)) return `${guest} trapped with its memory full`;
  return undefined;
}
