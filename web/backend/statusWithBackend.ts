import type { NatsMonitorStatus } from '../../src/index';

/**
 * The run status as the header shows it, told the truth about the NATS server: while it is
 * down, "· 1 serving" in green claimed handlers were hearing messages when nothing could reach
 * them (only the small badge said "disconnected"). `down` switches the line to the warning
 * colour.
 */
export function statusWithBackend(status: string, phase: string, nats: NatsMonitorStatus | undefined): { text: string; down: boolean } {
  const lost = nats?.state === 'disconnected' || nats?.state === 'failed';
  if (!lost || phase !== 'serving') return { text: status, down: false };
  // First: on a narrow header the line is cut at its end.
  return { text: `NATS server unreachable: handlers hear nothing until it is back · ${status}`, down: true };
}
