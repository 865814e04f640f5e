/**
 * Fault injection for a run, as plain structured-cloneable data (it travels inside
 * HostConfig to the run worker). Every random choice comes from a PRNG seeded with `seed`,
 * so the same config against the same guest traffic injects the same faults.
 */
export interface FaultConfig {
  /** PRNG seed (any 32-bit integer); default 1. */
  seed?: number;
  /** Chance (0..1) that a published message is dropped. */
  dropProbability?: number;
  /** Chance (0..1) that a published message is sent twice. */
  duplicateProbability?: number;
  /** Each message is held for a uniform random delay in [min, max] ms. */
  delayMs?: { min: number; max: number };
  /**
   * Messages are held until this many are buffered (or `reorderFlushMs` passed) and then
   * released in a shuffled order. 0 or 1 = no reordering.
   */
  reorderWindow?: number;
  /** How long a partly filled reorder window waits before it is released; default 50 ms. */
  reorderFlushMs?: number;
  /**
   * Where bus faults apply: `send` (default) = as this guest publishes, affecting every
   * receiver alike; `deliver` = as messages reach this guest's subscriptions.
   */
  messagesAt?: 'send' | 'deliver';
  /** Host calls that fail with the interface's own error type. */
  calls?: CallFault[];
}

/** One failing host call rule. Give `probability` or `nth` (or both: either triggers). */
export interface CallFault {
  /** Interface id with or without version: "wasi:keyvalue/store". */
  iface: string;
  /** Function as the trace shows it: "open", "[method]bucket.get", "[static]cas.new". */
  fn: string;
  /** Chance (0..1) that each call fails. */
  probability?: number;
  /** The nth call (1-based) of this function fails, once. */
  nth?: number;
}

/** Problems in a config, as sentences for the settings UI; empty when it is usable. */
export function validateFaultConfig(config: FaultConfig): string[] {
  const problems: string[] = [];
  const prob = (name: string, v: number | undefined) => {
    if (v !== undefined && !(typeof v === 'number' && v >= 0 && v <= 1)) problems.push(`${name} must be a number from 0 to 1 (got ${String(v)})`);
  };
  if (config.seed !== undefined && !Number.isInteger(config.seed)) problems.push(`seed must be an integer (got ${String(config.seed)})`);
  prob('dropProbability', config.dropProbability);
  prob('duplicateProbability', config.duplicateProbability);
  const d = config.delayMs;
  if (d !== undefined && !(Number.isFinite(d.min) && Number.isFinite(d.max) && d.min >= 0 && d.max >= d.min)) {
    problems.push(`delayMs needs 0 <= min <= max (got ${JSON.stringify(d)})`);
  }
  if (config.reorderWindow !== undefined && !(Number.isInteger(config.reorderWindow) && config.reorderWindow >= 0)) {
    problems.push(`reorderWindow must be a whole number >= 0 (got ${String(config.reorderWindow)})`);
  }
  if (config.messagesAt !== undefined && config.messagesAt !== 'send' && config.messagesAt !== 'deliver') {
    problems.push(`messagesAt must be "send" or "deliver" (got ${String(config.messagesAt)})`);
  }
  (config.calls ?? []).forEach((rule, i) => {
    if (typeof rule.iface !== 'string' || !rule.iface.includes('/')) problems.push(`calls[${i}].iface must be an interface id like "wasi:keyvalue/store"`);
    if (typeof rule.fn !== 'string' || rule.fn.length === 0) problems.push(`calls[${i}].fn must name a function, e.g. "[method]bucket.get"`);
    prob(`calls[${i}].probability`, rule.probability);
    if (rule.nth !== undefined && !(Number.isInteger(rule.nth) && rule.nth >= 1)) problems.push(`calls[${i}].nth must be a whole number >= 1`);
    if (rule.probability === undefined && rule.nth === undefined) problems.push(`calls[${i}] needs probability or nth`);
  });
  return problems;
}

/** True when the config would inject anything on the messaging bus. */
export function hasBusFaults(config: FaultConfig | undefined): config is FaultConfig {
  if (!config) return false;
  return (config.dropProbability ?? 0) > 0 || (config.duplicateProbability ?? 0) > 0 || config.delayMs !== undefined || (config.reorderWindow ?? 0) > 1;
}
