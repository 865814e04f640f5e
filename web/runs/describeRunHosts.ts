import type { FaultConfig } from '../../src/index';
import type { RunHosts } from '../useRunner';

/**
 * One line saying which faults a Run had, so two runs of the same example can be told
 * apart in the run picker and the comparison ("same example, different faults").
 */
export function describeRunHosts(hosts: RunHosts | undefined): string {
  const parts: string[] = [];
  for (const [guest, f] of Object.entries(hosts?.faults ?? {})) {
    const what = f && describeFaults(f);
    if (what) parts.push(`${guest}: ${what}`);
  }
  const custom = Object.keys(hosts?.customHosts ?? {}).length;
  if (custom) parts.push(`${custom} custom host${custom === 1 ? '' : 's'}`);
  return parts.length ? parts.join(' · ') : 'no faults';
}

const pct = (p: number) => `${Math.round(p * 100)}%`;

function describeFaults(f: FaultConfig): string {
  const out: string[] = [];
  if (f.dropProbability) out.push(`drop ${pct(f.dropProbability)}`);
  if (f.duplicateProbability) out.push(`dup ${pct(f.duplicateProbability)}`);
  if (f.delayMs && f.delayMs.max > 0) out.push(`delay ${f.delayMs.min}–${f.delayMs.max} ms`);
  if (f.reorderWindow && f.reorderWindow > 1) out.push(`reorder ${f.reorderWindow}`);
  if (f.calls?.length) out.push(`${f.calls.length} call fault${f.calls.length === 1 ? '' : 's'}`);
  return out.join(', ');
}
