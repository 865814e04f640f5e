import { describeBuildStage, isMilestoneStage } from '../component/describeBuildStage';
import type { ConsoleLine } from './consoleTypes';

/** Where a build stands, for the console's live progress row and the status bar. */
export interface BuildProgress {
  guest: string;
  label: string;
  /** 0–1 while a download's size is known. */
  fraction?: number;
}

/**
 * Progress handler for one guest's build. Every stage updates the live row; a JavaScript or
 * TypeScript build (seconds, the first one much longer) also leaves one console line per stage
 * with how long the previous stage took, so the room sees where the time went. The last call is
 * `done`, or `failed` when the build did not produce a component.
 */
export function createBuildProgress(
  guest: { name: string; lang: string },
  show: (p: BuildProgress) => void,
  append: (line: Omit<ConsoleLine, 'id'>) => void,
): (stage: string, fraction?: number) => void {
  const slow = guest.lang === 'js' || guest.lang === 'ts';
  let last: { stage: string; at: number } | undefined;
  return (stage, fraction) => {
    show({ guest: guest.name, label: describeBuildStage(stage), ...(fraction === undefined ? {} : { fraction }) });
    if (!slow || last?.stage === stage) return;
    const now = performance.now();
    // `failed` ends the build too: the stage it was in did not finish, so no tick for it.
    if (stage === 'done' || stage === 'failed') {
      const mark = stage === 'done' ? '✓' : '✗';
      const ended = stage === 'done' ? '' : ' stopped';
      if (last) append({ kind: 'info', guest: guest.name, text: `${mark} ${describeBuildStage(last.stage)}${ended}  (${formatSeconds(now - last.at)})` });
      last = undefined;
      return;
    }
    if (!isMilestoneStage(stage)) return;
    const took = last ? `  (${formatSeconds(now - last.at)})` : '';
    if (last) append({ kind: 'info', guest: guest.name, text: `✓ ${describeBuildStage(last.stage)}${took}` });
    append({ kind: 'info', guest: guest.name, text: `${describeBuildStage(stage)}…` });
    last = { stage, at: now };
  };
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
