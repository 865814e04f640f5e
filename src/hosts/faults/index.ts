/**
 * Seeded fault injection for runs: messaging bus faults (drop, delay, duplicate, reorder)
 * and failing host calls. Configured per guest via `HostConfig.faults`.
 */
export { validateFaultConfig, hasBusFaults, type FaultConfig, type CallFault } from './faultConfig';
export { createRng, rngFor, type Rng } from './createRng';
export { applyBusFaults, createFaultGate } from './applyBusFaults';
export { applyCallFaults, injectedError, INJECTED_FAULT } from './applyCallFaults';
