import type { CallFault } from '../../src/index';

/**
 * Failing host calls as the Faults tab edits them, one rule per line:
 * `<iface> <fn> <probability>` or `<iface> <fn> #<nth>` (both may be given), e.g.
 * `wasi:keyvalue/atomics increment 0.2` or `proposal:messaging-ext/offsets [method]consumer.commit #4`.
 */
export function parseCallRules(text: string): { rules: CallFault[]; errors: string[] } {
  const rules: CallFault[] = [];
  const errors: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [iface, fn, ...rest] = line.split(/\s+/);
    const rule: CallFault = { iface, fn: fn ?? '' };
    if (!iface.includes('/') || !fn) {
      errors.push(`line ${i + 1}: expected "<interface> <function> <probability | #nth>", e.g. "wasi:keyvalue/store [method]bucket.get 0.5"`);
      return;
    }
    for (const part of rest) {
      if (/^#\d+$/.test(part)) rule.nth = Number(part.slice(1));
      else if (/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(part)) rule.probability = Number(part);
      else errors.push(`line ${i + 1}: "${part}" is neither a probability (0..1) nor #nth (e.g. #3)`);
    }
    if (rule.nth === undefined && rule.probability === undefined) errors.push(`line ${i + 1}: give a probability (0.2) or which call fails (#3)`);
    else if (rule.nth === 0) errors.push(`line ${i + 1}: calls count from #1`);
    else rules.push(rule);
  });
  return { rules, errors };
}

/** The textarea text for rules (inverse of {@link parseCallRules}). */
export function formatCallRules(rules: readonly CallFault[] | undefined): string {
  return (rules ?? [])
    .map((r) => [r.iface, r.fn, r.probability !== undefined ? String(r.probability) : '', r.nth !== undefined ? `#${r.nth}` : ''].filter(Boolean).join(' '))
    .join('\n');
}
