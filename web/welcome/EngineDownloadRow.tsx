import { useEffect, useState } from 'react';
import type { EngineProgress } from '../../src/index';
import { getBuildClient } from '../engine';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * A console row while the JavaScript engine downloads outside a build (a warm-up started it,
 * e.g. after the visitor idled on a JavaScript example): the one-time cost is said, with its
 * size and progress. Once it is in, the row says so until the next build, because a download
 * that finished unseen (a fast network) would otherwise leave no trace of what happened.
 * During a build the build's own progress row says the same.
 */
export function EngineDownloadRow({ building }: { building: boolean }) {
  const [progress, setProgress] = useState<EngineProgress>();
  const [sawDownload, setSawDownload] = useState(false);
  const [built, setBuilt] = useState(false);
  useEffect(
    () =>
      getBuildClient().onEngineProgress((p) => {
        setProgress(p);
        if (p.stage === 'download') setSawDownload(true);
      }),
    [],
  );
  useEffect(() => {
    if (building) setBuilt(true);
  }, [building]);
  if (!progress || building) return null;
  if (progress.stage === 'failed') {
    return (
      <div className="console-line console-error" data-testid="engine-download" role="status">
        <span className="console-icon" aria-hidden="true">✖</span>
        <span className="console-text">The JavaScript engine could not be downloaded; Run tries again.</span>
      </div>
    );
  }
  const size = progress.total ? `, ${mb(progress.total)}` : ', ≈5 MB';
  if (progress.stage === 'ready') {
    // Only a download this page watched is reported; an engine found in the cache is silent.
    if (!sawDownload || built) return null;
    return (
      <div className="console-line console-info" data-testid="engine-download" role="status">
        <span className="console-icon" aria-hidden="true">✔</span>
        <span className="console-text">
          Downloaded the JavaScript engine for JavaScript guests (one time{size}): Run builds without waiting for it.
        </span>
      </div>
    );
  }
  const percent = progress.total ? Math.round((progress.loaded / progress.total) * 100) : undefined;
  return (
    <div className="console-line console-progress" data-testid="engine-download" role="status">
      <span className="console-icon build-spinner" aria-hidden="true" />
      <span className="console-text">
        Downloading the JavaScript engine for JavaScript guests (one time{size}): {mb(progress.loaded)}
        {percent !== undefined && ` · ${percent}%`}
        {percent !== undefined && <progress max={100} value={percent} aria-label={`JavaScript engine download: ${percent}%`} />}
      </span>
    </div>
  );
}
