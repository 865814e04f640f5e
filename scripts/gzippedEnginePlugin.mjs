// Ships the JS engine's two large files gzipped beside themselves: `<file>.gz.bin` next to
// `starlingmonkey_embedding-<hash>.wasm` (10.5 MB → 3.4 MB) and the splicer's core (5.7 MB →
// 1.3 MB). The build worker fetches the copy and inflates it (src/toolchain/js/gzippedCopy.ts),
// so a first JS build downloads ~4.7 MB instead of 16.3 MB whatever the server: `vite preview`,
// `python3 -m http.server` and many a LAN server send .wasm uncompressed, and a class of thirty
// opening a lesson from the teacher's laptop pulled ~490 MB through one Wi-Fi. `.bin`, not
// `.gz`, so that no server adds `Content-Encoding: gzip` (the browser would inflate it first),
// as for the shipped splices (shippedSplicesPlugin.mjs). The originals stay: dev and a server
// without the copies (an older deploy) fetch them.
import { gzipSync } from 'node:zlib';

/** The files worth a copy; the splicer's small second core (27 kB) and the adapter are not. */
const LARGE = /(?:^|\/)(?:starlingmonkey_embedding|spidermonkey-embedding-splicer\.core)-[^/]*\.wasm$/;
/** Must match GZIPPED_COPY_SUFFIX in src/toolchain/js/gzippedCopy.ts. */
const SUFFIX = '.gz.bin';

/** The plugin, for the page's and the workers' bundles (each emits the assets it references). */
export function gzippedEngineAssets() {
  return {
    name: 'wcp-gzipped-engine',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !LARGE.test(file.fileName) || bundle[file.fileName + SUFFIX]) continue;
        this.emitFile({ type: 'asset', fileName: file.fileName + SUFFIX, source: gzipSync(file.source, { level: 9 }) });
      }
    },
  };
}
