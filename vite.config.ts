import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy, DEFAULT_CONNECT_SRC } from './src/security/contentSecurityPolicy';

// Names a room reaches the site by over plain http. Vite answers any other host name with 403
// (DNS-rebinding protection); IP addresses and localhost always pass. A leading dot allows a
// domain and its subdomains: mDNS names (teacher-laptop.local), home/office routers (.lan,
// .home.arpa, .internal) and .test (the e2e suite's insecure origin). More names, comma
// separated, in PLAYGROUND_HOSTS (e.g. PLAYGROUND_HOSTS=room12.school.example).
const roomHosts = ['.local', '.lan', '.home.arpa', '.internal', '.test', ...(process.env.PLAYGROUND_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean)];

// jco-transpile's vendored components locate their .wasm with `new URL(..., import.meta.url)`;
// pre-bundling would move the JS away from the wasm files, so they are served as-is.
export default defineConfig({
  base: './',
  plugins: [
    react(),
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
  ],
  // cloudevents pulls in the \`util\` polyfill, which reads Node's \`process\` at load time.
  define: { 'process.env': '{}', 'process.throwDeprecation': 'false', 'process.traceDeprecation': 'false' },
  optimizeDeps: {
    exclude: ['@bytecodealliance/jco-transpile', '@bytecodealliance/preview2-shim'],
  },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 8000,
    rollupOptions: { input: { main: 'index.html', bench: 'bench/index.html', diagram: 'bench/diagram.html' } },
  },
  server: { port: 5173, allowedHosts: roomHosts },
  preview: { port: 4173, allowedHosts: roomHosts },
  test: {
    include: ['src/**/*.test.ts', 'web/**/*.test.ts'],
    environment: 'node',
  },
} as never);
