import type { BuildProgress } from './buildProgress';
import './console.css';

/** The console's last row while a build runs: which guest, which stage, and how far a download is. */
export function BuildProgressRow({ progress, showGuest }: { progress: BuildProgress; showGuest: boolean }) {
  const percent = progress.fraction === undefined ? undefined : Math.round(progress.fraction * 100);
  return (
    <div className="console-line console-progress" data-testid="build-progress" role="status">
      <span className="console-icon build-spinner" aria-hidden="true" />
      {showGuest && <span className="console-guest">{progress.guest}</span>}
      <span className="console-text">
        Building{showGuest ? '' : ` ${progress.guest}`}: {progress.label}
        {percent === undefined ? '…' : ` ${percent}%`}
        {percent !== undefined && <progress max={100} value={percent} aria-label={`${progress.label}: ${percent}%`} />}
      </span>
    </div>
  );
}
