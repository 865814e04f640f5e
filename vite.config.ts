import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// jco-transpile's vendored components locate their .wasm with `new URL(..., import.meta.url)`;
// pre-bundling would move the JS away from the wasm files, so they are served as-is.
export default defineConfig({
  base: './',
  plugins: [react()],
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
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    include: ['src/**/*.test.ts', 'web/**/*.test.ts'],
    environment: 'node',
  },
} as never);
