import { useEffect, useRef } from 'react';

/**
 * Stops what Run started when another workspace is opened into the editors (`opened`, from
 * useWorkspace): a link, a saved workspace or a file of the same example left the previous
 * code's handlers serving beside the new code, and its error markers on the new code. A
 * change of example or lesson stops it too (useGuestTab); this covers the opens that keep
 * the example.
 */
export function useStopRunOnOpen(opened: number, stopRun: () => void): void {
  const seen = useRef(opened);
  useEffect(() => {
    if (seen.current === opened) return;
    seen.current = opened;
    stopRun();
  }, [opened, stopRun]);
}
