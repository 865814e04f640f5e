import { useEffect, useState } from 'react';
import type { EngineSaving } from '../../src/index';
import { getBuildClient } from '../engine';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * A console row while the build worker keeps the JavaScript engine and the world's build for the
 * next visit (src/toolchain/js/trackCacheWrites.ts): those writes take seconds on a slow machine
 * and a tab closed meanwhile loses them, so the row says so, then what was kept, until the next
 * build. Hidden during a build (its own progress row is shown) and when nothing could be kept.
 */
export function EngineSavingRow({ building }: { building: boolean }) {
  const [state, setState] = useState<EngineSaving>();
  useEffect(() => getBuildClient().onEngineSaving(setState), []);
  // A new build starts a new story: what the last one kept is no longer news.
  useEffect(() => {
    if (building) setState((s) => (s?.saving ? s : undefined));
  }, [building]);
  if (!state || building) return null;
  if (state.saving) {
    return (
      <div className="console-line console-progress" data-testid="engine-saving" role="status">
        <span className="console-icon build-spinner" aria-hidden="true" />
        <span className="console-text">Keeping the JavaScript engine and this build for your next visit… closing the tab now would lose them.</span>
      </div>
    );
  }
  if (state.bytes === 0) return null;
  return (
    <div className="console-line console-info" data-testid="engine-saving" role="status">
      <span className="console-icon" aria-hidden="true">✔</span>
      <span className="console-text">Kept for your next visit ({mb(state.bytes)}): its first JavaScript build skips the engine download and most of the build.</span>
    </div>
  );
}
