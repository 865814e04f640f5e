import { useEffect, useRef } from 'react';
import type { BackendConfig } from '../../src/index';
import type { Runner } from '../useRunner';

/** Where a config's hosts run, in words for the console. */
export function whereHostsRun(config: BackendConfig): string {
  return config.kind === 'nats' ? `the NATS server ${config.servers}` : 'this browser';
}

/**
 * Stops the guests of a run when the hosts move (⚙ Hosts run on, a new address, a room
 * link's Connect). A run's workers keep the backend they started on: handlers serving on the
 * NATS server went on hearing the room after a switch to "this browser", under a header
 * saying "Hosts: browser" and "2 serving", and the other way round. Stopping them and saying
 * so keeps the header true; Run starts them where the hosts are now. Credentials typed for
 * the same server change nothing here.
 */
export function useStopOnBackendChange(config: BackendConfig, runner: Pick<Runner, 'phase' | 'stop' | 'console'>): void {
  const where = whereHostsRun(config);
  const before = useRef(where);
  const live = useRef(runner);
  live.current = runner;
  useEffect(() => {
    const was = before.current;
    before.current = where;
    if (was === where || live.current.phase === 'idle') return;
    live.current.stop();
    live.current.console.append({ kind: 'info', text: `The guests ran on ${was}; hosts now run on ${where}. Press Run to run them there.` });
  }, [where]);
}
