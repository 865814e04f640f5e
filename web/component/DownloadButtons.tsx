import { useState } from 'react';
import { distinctProblems, type ExampleGuest } from '../../src/index';
import { getBuildClient } from '../engine';
import { formatDiagnostic } from '../runFormat';
import { downloadBytes, safeFileName, zipFiles } from './downloadBytes';
import type { OpenedComponent } from './useOpenedComponent';
import '../styles/component.css';

type What = 'wasm' | 'js';

/**
 * Download the current guest as a component (.wasm) or as jco's transpiled JS (zip). Always a
 * full build in its own slot: Run's fast path for JS guests leaves stale component bytes, and a
 * download must never race the Run build of the same guest.
 */
export function DownloadButtons({ guest, opened }: { guest?: Pick<ExampleGuest, 'name' | 'lang' | 'wit' | 'source'>; opened?: OpenedComponent }) {
  const [busy, setBusy] = useState<What>();
  const [error, setError] = useState<string>();
  const name = safeFileName(opened?.name ?? guest?.name ?? 'guest');

  const download = async (what: What) => {
    setBusy(what);
    setError(undefined);
    try {
      if (opened && what === 'wasm') return downloadBytes(`${name}.wasm`, opened.bytes, 'application/wasm');
      const source = opened ? ({ lang: 'component', bytes: opened.bytes } as const) : guest && { lang: guest.lang, source: guest.source };
      if (!source) return;
      const r = await getBuildClient().build(opened ? '' : guest!.wit, source, { slot: `download:${name}`, full: true });
      if (r.status === 'failed') setError(`build failed: ${distinctProblems(r.diagnostics).map(formatDiagnostic).join('; ')}`);
      if (r.status !== 'built') return;
      if (what === 'wasm') downloadBytes(`${name}.wasm`, r.artifact.component, 'application/wasm');
      else downloadBytes(`${name}-js.zip`, zipFiles(r.artifact.files), 'application/zip');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <span className="component-downloads">
      <button type="button" className="component-button" data-testid="download-wasm" disabled={!!busy || (!guest && !opened)} onClick={() => void download('wasm')} title="Build the component and save it as a .wasm file">
        {busy === 'wasm' ? 'Building…' : '⬇ .wasm'}
      </button>
      <button type="button" className="component-button" data-testid="download-js" disabled={!!busy || (!guest && !opened)} onClick={() => void download('js')} title="Save the transpiled JavaScript (jco output: guest.js + core modules) as a zip">
        {busy === 'js' ? 'Building…' : '⬇ JS (zip)'}
      </button>
      {error && (
        <span className="component-error" role="alert" data-testid="download-error">
          {error}
        </span>
      )}
    </span>
  );
}
