import { useEffect, useState } from 'react';

/** One entry of the site's components/index.json (written by scripts/buildPrebuiltComponents.mjs). */
interface PrebuiltEntry {
  file: string;
  world: string;
  sources: string[];
  size: number;
  sha256: string;
}

type Listing = { state: 'loading' } | { state: 'ok'; components: PrebuiltEntry[] } | { state: 'missing'; why: string };

/**
 * The WASI 0.3 example guests as ready-made components, built from their WAT when the site
 * was built. A subgroup member takes one to another 0.3 host (or opens it here with "Open
 * .wasm") to see the same bytes run elsewhere. Reads the index lazily: only this tab needs it.
 */
export function PrebuiltComponents() {
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    fetch('components/index.json')
      .then(async (r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        const body = (await r.json()) as { format?: string; components?: PrebuiltEntry[] };
        if (body.format !== 'wcp-prebuilt/1' || !Array.isArray(body.components)) throw new Error('unknown index format');
        if (live) setListing({ state: 'ok', components: body.components });
      })
      .catch((e: unknown) => live && setListing({ state: 'missing', why: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, []);
  return (
    <section className="prebuilt" data-testid="prebuilt-components">
      <h3>Prebuilt 0.3 components</h3>
      <p className="muted">
        Each 0.3 example guest as a component (.wasm), made from the WAT and WIT in this repository when this site was built. Download one to run in another WASI 0.3 host, or open it here with “Open .wasm”.
      </p>
      {listing.state === 'loading' && <p className="muted">Loading the list…</p>}
      {listing.state === 'missing' && <p className="muted" role="status">No prebuilt components on this server ({listing.why}); build the site with <code>npm run build</code>.</p>}
      {listing.state === 'ok' && (
        <ul className="prebuilt-list">
          {listing.components.map((c) => (
            <li key={c.file} data-testid="prebuilt-component" data-file={c.file}>
              <a href={`components/${c.file}`} download={c.file}>{c.file}</a>{' '}
              <span className="muted">
                {(c.size / 1024).toFixed(1)} KiB · from <code>{c.sources[0]}</code> · sha-256 <code title={c.sha256}>{c.sha256.slice(0, 12)}…</code>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
