import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy, DEFAULT_CONNECT_SRC } from './src/security/contentSecurityPolicy';
import { buildPrebuiltComponents, prebuiltIndex } from './scripts/buildPrebuiltComponents.mjs';
import { shippedSplices } from './scripts/shippedSplicesPlugin.mjs';
import { gzippedEngineAssets } from './scripts/gzippedEnginePlugin.mjs';

// Names a room reaches the site by over plain http. Vite answers any other host name with 403
// (DNS-rebinding protection); IP addresses and localhost always pass. A leading dot allows a
// domain and its subdomains: mDNS names (teacher-laptop.local), home/office routers (.lan,
// .home.arpa, .internal) and .test (the e2e suite's insecure origin). More names, comma
// separated, in PLAYGROUND_HOSTS (e.g. PLAYGROUND_HOSTS=room12.school.example).
const roomHosts = ['.local', '.lan', '.home.arpa', '.internal', '.test', ...(process.env.PLAYGROUND_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean)];

// `vite preview` for the benchmarks (bench/run.mjs, bench/abSites.mjs set WCP_ISOLATE=1) serves
// the site cross-origin isolated: an isolated page and its workers read `performance.now()` to
// 5 µs instead of 100 µs, and the latency figures (messaging.p50, nats.p50) are fractions of a
// millisecond that the coarse clock rounds to one or two steps. CORP `cross-origin` lets the
// host-code sandbox (an opaque-origin srcdoc frame, which inherits COEP) load its script. The
// app itself is not served so: a static host cannot be relied on to send these headers.
const benchIsolation =
  process.env.WCP_ISOLATE === '1'
    ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cross-Origin-Resource-Policy': 'cross-origin' }
    : undefined;

// jco-transpile's vendored components locate their .wasm with `new URL(..., import.meta.url)`;
// pre-bundling would move the JS away from the wasm files, so they are served as-is.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    // The examples' JS worlds spliced at build time, for the build worker (see the file); in dev
    // and vitest the manifest is empty.
    shippedSplices(),
    // …and the JS engine's large files gzipped beside themselves, wherever a bundle references them.
    gzippedEngineAssets(),
    // The built app page carries its CSP (dev keeps none: Vite's HMR needs inline scripts).
    // WebSockets for a NATS server the user picks; WCP_CONNECT_SRC narrows it (see the file).
    {
      name: 'wcp-csp',
      apply: 'build',
      transformIndexHtml: {
        order: 'post',
        handler: (html: string, ctx: { filename: string }) =>
          /[\\/]bench[\\/]/.test(ctx.filename) ? html : html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(process.env.WCP_CONNECT_SRC ?? DEFAULT_CONNECT_SRC)}" />`),
      },
    },
    // The WASI 0.3 example guests as ready-made components (components/*.wasm plus an
    // index.json), built from their WAT in src/examples/p3 on every build, never committed.
    {
      name: 'wcp-prebuilt-components',
      async generateBundle(this: { emitFile(f: { type: 'asset'; fileName: string; source: string | Uint8Array }): void }) {
        const built = await buildPrebuiltComponents();
        for (const c of built) this.emitFile({ type: 'asset', fileName: `components/${c.file}`, source: c.bytes });
        this.emitFile({ type: 'asset', fileName: 'components/index.json', source: prebuiltIndex(built) });
      },
      configureServer(server: { middlewares: { use(path: string, fn: (req: { url?: string }, res: { setHeader(k: string, v: string): void; end(b: string | Uint8Array): void; statusCode: number }, next: () => void) => void): void } }) {
        let built: ReturnType<typeof buildPrebuiltComponents> | undefined;
        server.middlewares.use('/components/', (req, res, next) => {
          built ??= buildPrebuiltComponents();
          const name = (req.url ?? '').replace(/^\//, '').replace(/\?.*$/, '');
          void built.then((list) => {
            if (name === 'index.json') {
              res.setHeader('Content-Type', 'application/json');
              return res.end(prebuiltIndex(list));
            }
            const hit = list.find((c) => c.file === name);
            if (!hit) return next();
            res.setHeader('Content-Type', 'application/wasm');
            res.end(hit.bytes);
          }, () => next());
        });
      },
    },
  ],
  // cloudevents pulls in the \`util\` polyfill, which reads Node's \`process\` at load time.
  define: { 'process.env': '{}', 'process.throwDeprecation': 'false', 'process.traceDeprecation': 'false' },
  optimizeDeps: {
    // preview3-shim's browser build imports preview2-shim's cli: both stay unbundled so the
    // run worker and the shim share one preview2-shim module (one set of stdout handlers).
    exclude: ['@bytecodealliance/jco-transpile', '@bytecodealliance/preview2-shim', '@bytecodealliance/preview3-shim'],
  },
  // The engine's large files also ship gzipped (scripts/gzippedEnginePlugin.mjs): the build worker fetches them.
  worker: { format: 'es', plugins: () => [shippedSplices(), gzippedEngineAssets()] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 8000,
    rollupOptions: { input: { main: 'index.html', bench: 'bench/index.html', diagram: 'bench/diagram.html' } },
  },
  server: { port: 5173, allowedHosts: roomHosts },
  preview: { port: 4173, allowedHosts: roomHosts, ...(benchIsolation ? { headers: benchIsolation } : {}) },
  test: {
    include: ['src/**/*.test.ts', 'web/**/*.test.ts'],
    environment: 'node',
  },
} as never);
